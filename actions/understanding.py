"""Canonical protocol / security values from what the customer wrote.

DIET and the synonym mapper usually deliver canonical values already; this is the last line
of defence, because a wrong port is worse than no answer: "bez SSL" must never become SSL,
and a protocol the model missed is still read from the text.
"""
import re
from typing import Any, Dict, Optional

from czech_nlu.folding import fold

# Whole words (diacritics folded) and the canonical protocol they name. "pop" is matched
# narrowly so that "popište" is no POP3, and "příjem" so that "příjemce" is no incoming mail.
PROTOCOL_WORDS = (
    (re.compile(r"imap\w*"), "imap"),
    (re.compile(r"pop(3\w*|k\w*|u|em|e|ovi|y)?"), "pop3"),
    (re.compile(r"smtp\w*"), "smtp"),
    (re.compile(r"odchoz\w*|odesil\w*|odeslan\w*"), "smtp"),
    (re.compile(r"prichoz\w*|prijem|prijmu|prijim\w*"), "incoming"),
)
CANONICAL_PROTOCOLS = {"imap", "pop3", "smtp", "incoming"}

SECURE = r"(ssl\w*|tls\w*|sifr\w*|zabezp\w*|zasifr\w*)"
NEGATED_SECURITY = re.compile(
    rf"\b(bez|nechci|nechcem|nepouzivam)\s+{SECURE}|\bne(sifr|zabezp|zasifr)\w*|\b(no|without)\s+{SECURE}|\bplain\b"
)
SECURITY = re.compile(rf"\b{SECURE}")


def canonical_protocol(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    folded = fold(str(value)).strip()
    if folded in CANONICAL_PROTOCOLS:
        return folded
    for word in re.findall(r"\w+", folded):
        for pattern, protocol in PROTOCOL_WORDS:
            if pattern.fullmatch(word):
                return protocol
    return None


def security_in_text(text: Optional[str]) -> Optional[str]:
    """"ssl", "plain" or None, read from free text ("bez šifrování" -> "plain")."""
    folded = fold(text or "")
    if NEGATED_SECURITY.search(folded):
        return "plain"
    if SECURITY.search(folded):
        return "ssl"
    return None


def canonical_security(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    folded = fold(str(value)).strip()
    if folded in ("ssl", "plain"):
        return folded
    return security_in_text(folded)


def latest_intent(message: Dict[str, Any]) -> Optional[str]:
    """The intent name of a parsed message (None when the message has none)."""
    return (message.get("intent") or {}).get("name")


def _entity(message: Dict[str, Any], name: str) -> Optional[str]:
    for entity in message.get("entities") or []:
        if entity.get("entity") == name:
            return entity.get("value")
    return None


def _user_text(message: Dict[str, Any]) -> str:
    text = message.get("text") or ""
    # A button payload ("/inform{...}") carries its entities; its text is no sentence.
    return "" if text.startswith("/") else text


def mentioned_protocol(message: Dict[str, Any]) -> Optional[str]:
    return canonical_protocol(_entity(message, "protocol")) or canonical_protocol(
        _user_text(message)
    )


def mentioned_security(message: Dict[str, Any]) -> Optional[str]:
    from_text = security_in_text(_user_text(message))
    if from_text == "plain":
        # "bez SSL" wins over an entity that caught only the "SSL" of it.
        return from_text
    return canonical_security(_entity(message, "security")) or from_text


def mentioned_port(message: Dict[str, Any]) -> Optional[int]:
    value = _entity(message, "port")
    match = re.search(r"\d{1,5}", str(value) if value else _user_text(message))
    return int(match.group()) if match else None
