"""Recognising a password typed into the chat, so that the bot never treats it as a question.

"heslo" (any form) followed within three words by a token that mixes letters and digits,
or "heslo:" followed by anything. Deliberately narrow: "heslo k portu 993" or "heslo mám
zapomenuté" are questions, not passwords.
"""
import re

PASSWORD_PATTERNS = (
    re.compile(r"\bhesl\w*\b(?:\W+\w+){0,3}?\W+(?=\S*\d)(?=\S*[^\W\d_])(\S{4,})", re.I),
    re.compile(r"\bhesl\w*\s*[:=]\s*(\S{3,})", re.I),
)


def typed_password(text: str) -> bool:
    if not text or text.startswith("/"):  # a button payload is no sentence
        return False
    return any(pattern.search(text) for pattern in PASSWORD_PATTERNS)
