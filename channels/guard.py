"""What every channel does with a customer's message before Rasa sees it, and after.

Before: control characters become spaces, a password is redacted (so neither the tracker
store, the logs, the lock store nor the action server ever holds it), a very long message is
cut to MAX_MESSAGE_CHARS with a note, an empty one is answered here.
After: a turn that produced no reply at all (the action server is down, an action failed)
gets an apology with the support contact instead of silence.
"""
import logging
import re
from typing import Any, Awaitable, Callable, Dict, Tuple

from rasa.core.channels.channel import UserMessage

from actions import knowledge
from czech_nlu.password import redact

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
# Rasa's own commands that answer nothing by design.
SILENT_COMMANDS = ("/restart", "/session_start", "/back")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
NOTES = {
    "empty": "Vaše zpráva dorazila prázdná. Napište mi prosím, s čím potřebujete pomoci – "
    "například „Jaký port pro IMAP se SSL?“",
    "truncated": "Vaše zpráva je hodně dlouhá, přečetl jsem z ní prvních "
    + f"{MAX_MESSAGE_CHARS:,}".replace(",", "\u00a0")
    + " znaků. Napište mi prosím dotaz krátce, ať Vám poradím přesně.",
    "no_reply": "Omlouvám se, teď mám technické potíže a nedokážu Vám odpovědět. ",
}

Handler = Callable[[UserMessage], Awaitable[Any]]


def clean(text: Any) -> Tuple[str, bool]:
    """(text fit for the bot, whether it was cut). A non-string counts as empty."""
    if not isinstance(text, str):
        return "", False
    text = redact(CONTROL_CHARACTERS.sub(" ", text)).strip()
    if len(text) > MAX_MESSAGE_CHARS:
        return text[:MAX_MESSAGE_CHARS], True
    return text, False


def no_reply_note() -> str:
    return NOTES["no_reply"] + knowledge.load()["support_contact"]


def guarded(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> Any:
        output = message.output_channel
        text, truncated = clean(message.text)
        if not text:
            await output.send_text_message(message.sender_id, NOTES["empty"])
            return None
        message.text = text
        if truncated:
            await output.send_text_message(message.sender_id, NOTES["truncated"])

        replies = 0
        send_response = output.send_response

        async def counting(recipient_id: str, reply: Dict[str, Any]) -> None:
            nonlocal replies
            replies += 1
            await send_response(recipient_id, reply)

        output.send_response = counting
        try:
            return await on_new_message(message)
        finally:
            output.send_response = send_response
            if not replies and not text.startswith(SILENT_COMMANDS):
                logger.error("No reply to a message of %s: sent the apology", message.sender_id)
                await output.send_text_message(message.sender_id, no_reply_note())

    return handle

