"""Passwords typed into the chat: found and redacted in one place, before anything keeps the
message (tracker store, logs, lock store, action server, handoff record, analytics).

The password is the word that follows a password keyword ("heslo" in any form, "password",
"pw") in one of the ways people write it:
- a separator: "heslo: X", "heslo=X", "password: X", `{"heslo": "X"}`;
- a verb of being: "heslo je X", "heslo do schránky je X", "heslo mám X", "heslo zní X";
- a possessive: "moje heslo X", "my password is X";
- a verb of entering: "zadal jsem heslo X", "změnil jsem heslo na X", "mám heslo X";
- quotes: "heslo „X“ nefunguje";
- before the keyword: "X je moje heslo", "X = heslo";
- its shape: a word that mixes letters with digits or symbols within three words of the
  keyword ("heslo ke schránce Brno2023"), a capitalised word right after it ("heslo Kocicka").
A word that says something about the password ("heslo je špatně", "zadal jsem heslo znovu",
"heslo mám zadat?") is not one. This is best effort: a password written with no keyword near
it ("Kocicka123, co dál?") is not recognised here; the NLU's `share_password` classification
then replaces the whole message (channels/guard.py).
"""

import re
from typing import Iterator, List, Tuple

from czech_nlu.folding import fold

REDACTED = "[heslo skryto]"

KEY = r"(?:hesl\w*|passw\w*|pass?word\w*|pwd|pw)"
OPEN_QUOTE = "\"'„“”‚‘`"
SECRET = rf"[{OPEN_QUOTE}]?(?P<secret>\S+)"
# "heslo do schránky", "heslo k e-mailu info@firma.cz", "password for my mailbox"
TO_WHAT = (
    r"(?:\s+(?:do|k|ke|na|pro|od|u|ze?|ve?|of|for|to|from)\s+[^\s,;!?:=]+(?:\s+[^\s,;!?:=]+)?)?"
)
BEING = r"(?:\s+(?:je|jsou|zni|mam|mame|bylo|byl|bude|is|was)\b\s*:?|\s*[:=])"
POSSESSIVE = r"\b(?:moje|me|muj|nase|to|my|the)"
ENTERING = (
    r"\b(?:zada\w*|napsa\w*|napis\w*|pis\w*|vyplni\w*|vypln\w*|dal[ai]?|pouzi\w*|nastavi\w*"
    r"|zmeni\w*|zmenu|zkous\w*|zkusi\w*|mam|mame|typed|entered|tried|used?|set)"
)
MARKS = r"(?:\s+(?:jsem|sem|jsme|jste|si|tam|uz|nove|novy|stare|stary|spravne|moje|me|svoje|sve))*"

PATTERNS = (
    re.compile(rf"\b{KEY}[{OPEN_QUOTE}]?\s*[:=]\s*{SECRET}"),
    re.compile(rf"\b{KEY}{TO_WHAT}(?:\s+(?:ted|uz|asi|snad|porad))?{BEING}\s*{SECRET}"),
    re.compile(rf"{POSSESSIVE}\s+{KEY}\s+(?:je\s+|is\s+)?{SECRET}"),
    re.compile(rf"{ENTERING}{MARKS}\s+{KEY}\s+(?:na\s+|jako\s+|to\s+)?{SECRET}"),
    re.compile(
        rf"\b{KEY}(?:\s+\S+){{0,3}}?\s+[{OPEN_QUOTE}](?P<secret>[^\s{OPEN_QUOTE}][^{OPEN_QUOTE}]*)"
    ),
    re.compile(
        rf"(?:^|\s)(?P<secret>[^\s:]+):?\s+(?:je|=|-|–|is)\s+(?:moje|me|muj|to|nase|my|the)?\s*{KEY}\b"
    ),
)
# Checked on the original letters: within three words of the keyword.
NEARBY = re.compile(rf"\b{KEY}(?P<between>(?:[^\w.!?]+\w+){{0,3}}?)[^\w.!?]+(?P<secret>\S+)")

# Words that, where a password would stand, describe it instead of being it.
NOT_A_PASSWORD = frozenset(
    fold(word)
    for word in [
        "je",
        "jsem",
        "jste",
        "jsme",
        "bylo",
        "byl",
        "nefunguje",
        "nejde",
        "funguje",
        "špatně",
        "správně",
        "špatné",
        "chybné",
        "neplatné",
        "správné",
        "zapomenuté",
        "ztracené",
        "zablokované",
        "stejné",
        "jiné",
        "nové",
        "staré",
        "dlouhé",
        "krátké",
        "prázdné",
        "k",
        "ke",
        "na",
        "do",
        "od",
        "pro",
        "v",
        "ve",
        "u",
        "z",
        "ze",
        "s",
        "se",
        "a",
        "i",
        "o",
        "asi",
        "taky",
        "také",
        "už",
        "ještě",
        "nevím",
        "neznám",
        "nemám",
        "potřeba",
        "třeba",
        "jako",
        "jaké",
        "jaký",
        "jaká",
        "který",
        "které",
        "která",
        "kde",
        "ok",
        "mi",
        "ti",
        "si",
        "to",
        "ten",
        "ta",
        "tam",
        "co",
        "pořád",
        "stále",
        "furt",
        "zapomněl",
        "zapomněla",
        "zapomenuto",
        "neprojde",
        "nebere",
        "neplatí",
        "vypršelo",
        "obsahuje",
        "změnit",
        "zadat",
        "zadávat",
        "resetovat",
        "obnovit",
        "použít",
        "používat",
        "napsat",
        "psát",
        "vyplnit",
        "vyplňovat",
        "dát",
        "zkusit",
        "zkoušet",
        "najít",
        "hledat",
        "poslat",
        "zjistit",
        "nastavit",
        "vložit",
        "zapsat",
        "uložit",
        "vymyslet",
        "vytvořit",
        "mít",
        "udělat",
        "ověřit",
        "vědět",
        "znát",
        "měnit",
        "znovu",
        "dvakrát",
        "několikrát",
        "opět",
        "ručně",
        "dobře",
        "přesně",
        "určitě",
        "snad",
        "možná",
        "fakt",
        "opravdu",
        "úplně",
        "moc",
        "hodně",
        "velmi",
        "příliš",
        "zadané",
        "uložené",
        "nastavené",
        "vyplněné",
        "změněné",
        "platné",
        "aktuální",
        "původní",
        "dočasné",
        "vygenerované",
        "zapsané",
        "včera",
        "dnes",
        "dneska",
        "teď",
        "ráno",
        "večer",
        "nedávno",
        "minule",
        "předtím",
        "heslo",
        "hesla",
        "hesel",
        "skryto",
        "email",
        "e-mail",
        "emailu",
        "e-mailu",
        "mailu",
        "schránky",
        "schránce",
        "účtu",
        "účet",
        "imap",
        "pop",
        "pop3",
        "smtp",
        "ssl",
        "tls",
        "ssl0",
        "outlook",
        "gmail",
        "windows",
        "android",
        "iphone",
        "telefonu",
        "mobilu",
        "tohle",
        "toto",
        "tady",
        "zde",
        "tamto",
        "tamhle",
        "ono",
        "jenom",
        "jen",
        "is",
        "was",
        "the",
        "my",
        "for",
        "to",
        "of",
        "wrong",
        "correct",
        "not",
        "incorrect",
        "same",
        "new",
        "old",
        "here",
        "this",
        "that",
        "it",
        "what",
        "which",
        "where",
    ]
)
TECHNICAL = re.compile(r"^(?:pop3|imap4?|smtp|ssl0?|tls|wp8|w10|ssl0\.ovh\.net|\d+%?)$", re.I)
STRIP = ".,!?;:\"'„“”‚‘`)]}>"


def _folded(text: str) -> str:
    """Lower-case, no diacritics, one character for one: spans found here cut the original."""
    return "".join((fold(ch) or ch)[0] for ch in text)


def _describes(word: str) -> bool:
    folded = fold(word)
    # "heslo nejde", "heslo neprošlo": a negated verb (a password that reads as one is missed)
    negated_verb = word.islower() and word.isalpha() and folded.startswith("ne") and len(folded) > 4
    return folded in NOT_A_PASSWORD or negated_verb


def _shaped(word: str, right_after_key: bool) -> bool:
    """A word that looks like a password wherever it stands near the keyword."""
    if TECHNICAL.match(word) or "@" in word or "." in word.strip(STRIP):
        return False
    letters = any(ch.isalpha() for ch in word)
    return letters and (
        any(ch.isdigit() for ch in word)
        or any(not ch.isalnum() for ch in word.strip(STRIP))
        or (right_after_key and word[:1].isupper() and not word.isupper())
    )


def _spans(text: str) -> Iterator[Tuple[int, int]]:
    folded = _folded(text)
    candidates = [match for pattern in PATTERNS for match in pattern.finditer(folded)]
    for match in NEARBY.finditer(folded):
        word = text[match.start("secret") : match.end("secret")]
        if _shaped(word, right_after_key=not match.group("between")):
            candidates.append(match)
    for match in candidates:
        start, end = match.span("secret")
        while start < end and text[start] in OPEN_QUOTE:
            start += 1
        while end > start and text[end - 1] in STRIP:
            end -= 1
        if start == end or text.startswith(REDACTED, start) or REDACTED.startswith(text[start:end]):
            continue  # redacted before
        word = text[start:end]
        if TECHNICAL.match(word) and not word.isdigit():  # "heslo mám 100% dobře"
            continue
        if _describes(word) and not _shaped(word, right_after_key=False):
            continue
        yield start, end


def redact(text: str) -> str:
    """`text` with every password it contains replaced by REDACTED."""
    if not text:
        return text
    merged: List[List[int]] = []  # two patterns may find overlapping parts of one password
    for start, end in sorted(_spans(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    result, position = [], 0
    for start, end in merged:
        result.append(text[position:start] + REDACTED)
        position = end
    return "".join(result) + text[position:]


def typed_password(text: str) -> bool:
    """The message carries a password (or carried one the channel already took out)."""
    return bool(text) and (REDACTED in text or redact(text) != text)
