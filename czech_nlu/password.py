"""Passwords typed into the chat: recognised (so the bot never treats one as a question) and
redacted (so no transcript, handoff record or log keeps one).

Recognition is deliberately narrow: "heslo" (any form) followed within three words by a
token that mixes letters and digits, or "heslo:" followed by anything. "heslo k portu 993"
or "heslo mám zapomenuté" are questions, not passwords.

Redaction is broader: also "heslo je kocicka", "moje heslo kocicka" – a plain word after
"heslo je" is a password unless it says something about the password ("je špatně").
"""
import re
from typing import Iterable, Pattern

from czech_nlu.folding import fold

PASSWORD_PATTERNS = (
    re.compile(r"\bhesl\w*\b(?:\W+\w+){0,3}?\W+(?=\S*\d)(?=\S*[^\W\d_])(\S{4,})", re.I),
    re.compile(r"\bhesl\w*\s*[:=]\s*(\S{3,})", re.I),
)
STATED_PASSWORD_PATTERNS = (
    re.compile(r"\bhesl\w*\s+(?:je|zn[ií]|m[aá]m|bylo|b[yý]v[aá])\s+(\S+)", re.I),
    re.compile(r"\b(?:moje|m[eé]|m[uů]j|na[sš]e)\s+hesl\w*\s+(?:je\s+)?(\S+)", re.I),
)
# Words that, after "heslo je", describe the password instead of being it.
NOT_A_PASSWORD = frozenset(
    fold(word)
    for word in """
    je jsem jste bylo nefunguje nejde funguje špatně správně špatné chybné neplatné
    zapomenuté ztracené zablokované stejné jiné nové staré dlouhé krátké prázdné
    k ke na do od pro v ve u z ze s se a i o asi taky už ještě nevím neznám nemám
    potřeba třeba jako jaké jaký kde ok mi ti si to ten ta tam co pořád stále furt
    zapomněl zapomněla zapomenuto neprojde nebere neplatí vypršelo obsahuje změnit
    zadat resetovat obnovit
    """.split()
)
REDACTED = "[heslo skryto]"


def typed_password(text: str) -> bool:
    if not text or text.startswith("/"):  # a button payload is no sentence
        return False
    if REDACTED in text:  # the channel already took the password out
        return True
    return any(pattern.search(text) for pattern in PASSWORD_PATTERNS)


def _secret_spans(text: str, patterns: Iterable[Pattern], check_word: bool):
    for pattern in patterns:
        for match in pattern.finditer(text):
            if text.startswith(REDACTED, match.start(1)):  # redacted before
                continue
            word = match.group(1).strip(".,!?;\"'„“")
            if check_word and fold(word) in NOT_A_PASSWORD:
                continue
            yield match.start(1), match.start(1) + len(match.group(1).rstrip(".,!?;\"'„“"))


def redact(text: str) -> str:
    """`text` with every password it contains replaced by REDACTED."""
    if not text or text.startswith("/"):
        return text
    spans = sorted(
        set(_secret_spans(text, PASSWORD_PATTERNS, check_word=False))
        | set(_secret_spans(text, STATED_PASSWORD_PATTERNS, check_word=True))
    )
    result, position = [], 0
    for start, end in spans:
        if start < position:  # overlapping matches of two patterns
            start = position
        if start < end:
            result.append(text[position:start] + REDACTED)
            position = end
    return "".join(result) + text[position:]
