"""Which domain response a running bot's reply is, and what it filled in: tests check that the
bot chose the response and the facts it stated, never a copy of the sentence."""

import re
from typing import Any, Dict, List, Optional

import yaml

from tests.stack import ROOT

RESPONSES = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
PLACEHOLDER = re.compile(r"{([^{}\"\s]+)}")


def _pattern(template: str) -> str:
    parts, names, end = [], set(), 0
    for match in PLACEHOLDER.finditer(template):
        name = match.group(1)
        parts.append(re.escape(template[end : match.start()]))
        parts.append(f"(?P={name})" if name in names else f"(?P<{name}>.+?)")
        names.add(name)
        end = match.end()
    parts.append(re.escape(template[end:]))
    # A text goes out as one message per paragraph (Rasa's channels split it at blank lines).
    return r"(?:\A|(?<=\n\n))" + "".join(parts) + r"(?=\n\n|\Z)"


def filled(messages: List[Dict[str, Any]], response: str) -> Optional[Dict[str, str]]:
    """The values the bot filled into `response` (a name in domain.yml) in this reply, or None
    when no message of the reply is that response."""
    texts = "\n\n".join(message.get("text") or "" for message in messages)
    for variant in RESPONSES[response]:
        found = re.search(_pattern(variant["text"]), texts, re.S)
        if found:
            return found.groupdict()
    return None


def said(messages: List[Dict[str, Any]], response: str) -> Dict[str, str]:
    """`filled`, failing when the reply is not `response`."""
    values = filled(messages, response)
    if values is None:
        texts = [message.get("text") for message in messages]
        raise AssertionError(f"not {response}: {texts}")
    return values


def payload(messages: List[Dict[str, Any]], title: str) -> str:
    """What clicking the reply's button `title` sends; fails when the reply has no such button."""
    buttons = [button for message in messages for button in message.get("buttons") or []]
    for button in buttons:
        if button["title"] == title:
            return button["payload"]
    raise AssertionError(f"no button {title!r} in {buttons}")
