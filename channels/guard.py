"""What every channel does with a customer's message before Rasa sees it, and after.

Before: control characters become spaces, a very long message is cut to MAX_MESSAGE_CHARS
with a note, an empty one is answered here. Passwords: what czech_nlu/password.py finds is
redacted; then the message is parsed here, once (Rasa uses this parse), and a message with
no password keyword that the NLU classifies as a typed password ("Kocicka77, co teď?") is
replaced whole by the marker. Where "heslo" is written the rules decide: they catch every
password of the training data written beside it, and the model's guess there had turned
symptoms ("pořád dokola to chce heslo") into a warning and the message into the marker. Only then does Rasa see
it, so neither the tracker store, the logs (Rasa's debug log included), the lock store, the
action server, the handoff record nor analytics ever holds a password either finds.
After: a turn that produced no reply at all (the action server is down, an action failed)
gets an apology with the support contact instead of silence – unless a colleague has taken
the conversation over (channels/live_agent.py): then the message went to them.
"""

import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, Sanic

from actions import knowledge
from channels.live_agent import pushed_since_last_message
from czech_nlu.password import REDACTED, names_password, redact, warm_up_redaction

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

# The NLU's word that a message is a typed password; below this it may be a question about one.
PASSWORD_INTENT, PASSWORD_CONFIDENCE = "share_password", 0.8

Handler = Callable[[UserMessage], Awaitable[Any]]
Parser = Callable[[UserMessage], Awaitable[Dict[str, Any]]]


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


def quiet_parser(app: Sanic) -> Parser:
    """Parses with the serving agent (read per message: a new model replaces it) without
    Rasa's debug line that prints the text, which may still hold a password."""
    processor_log = logging.getLogger("rasa.core.processor")

    async def parse(message: UserMessage) -> Dict[str, Any]:
        level = processor_log.level
        processor_log.setLevel(max(logging.INFO, processor_log.getEffectiveLevel()))
        try:  # no await point inside for this pipeline: no other message logs meanwhile
            return await app.ctx.agent.processor.parse_message(message)
        finally:
            processor_log.setLevel(level)

    return parse


def _classified_password(parse_data: Dict[str, Any]) -> bool:
    intent = parse_data.get("intent") or {}
    return (
        intent.get("name") == PASSWORD_INTENT
        and (intent.get("confidence") or 0) >= PASSWORD_CONFIDENCE
    )


class Guard:
    """The handler each channel gives Rasa; `parse` is set once the server starts."""

    def __init__(self, on_new_message: Handler, parse: Optional[Parser] = None) -> None:
        self.parse = parse
        self.app: Optional[Sanic] = None
        self.handle = guarded(on_new_message, self.understood, self.with_agent, self.deliver)

    def attach(self, blueprint: Blueprint) -> Blueprint:
        @blueprint.listener("before_server_start")
        async def use_the_agent(app: Sanic, _loop: Any) -> None:
            self.app = app
            self.parse = quiet_parser(app)
            # The redaction's word list loads here, not in the first customer's turn (~3 s).
            warm_up_redaction()

        return blueprint

    def _live_agent(self) -> Any:
        return getattr(self.app.ctx, "live_agent", None) if self.app else None

    async def with_agent(self, message: UserMessage) -> bool:
        live = self._live_agent()
        return bool(live) and await live.on_customer_message(self.app, message)

    async def deliver(self, message: UserMessage) -> None:
        output = message.output_channel
        if (
            not self.app
            or not self._live_agent()
            or not isinstance(output, CollectingOutputChannel)
        ):
            return
        tracker = await self.app.ctx.agent.tracker_store.retrieve(message.sender_id)
        pushed = pushed_since_last_message(tracker) if tracker else []
        output.messages[0:0] = [{"recipient_id": message.sender_id, **item} for item in pushed]

    async def understood(self, message: UserMessage) -> None:
        if not self.parse:
            return
        parse_data = await self.parse(message)
        if (
            _classified_password(parse_data)
            and REDACTED not in message.text
            and not names_password(message.text)
        ):
            message.text = REDACTED  # where in the message it stands is unknown
            parse_data = {**parse_data, "text": REDACTED, "entities": []}
        logger.debug("Parsed %r as %s", message.text, (parse_data.get("intent") or {}).get("name"))
        message.parse_data = parse_data

    async def __call__(self, message: UserMessage) -> Any:
        return await self.handle(message)


def guard_blueprint(build: Callable[[Handler], Blueprint], on_new_message: Handler) -> Blueprint:
    """`build` (a channel's own blueprint method) with every message guarded."""
    guard = Guard(on_new_message)
    return guard.attach(build(guard))


Hook = Callable[[UserMessage], Awaitable[Any]]


def guarded(
    on_new_message: Handler,
    understand: Optional[Hook] = None,
    with_agent: Optional[Hook] = None,
    deliver: Optional[Hook] = None,
) -> Handler:
    """`understand` parses before Rasa; `with_agent` says whether a message the bot did not
    answer went to a person instead (no apology then); `deliver` adds what was pushed to the
    conversation meanwhile to a reply that cannot be pushed (REST)."""

    async def handle(message: UserMessage) -> bool:
        output = message.output_channel
        text, truncated = clean(message.text)
        if not text:
            await output.send_text_message(message.sender_id, NOTES["empty"])
            return True
        message.text = text
        if truncated:
            await output.send_text_message(message.sender_id, NOTES["truncated"])
        if understand:
            await understand(message)

        replies = 0
        send_response = output.send_response

        async def counting(recipient_id: str, reply: Dict[str, Any]) -> None:
            nonlocal replies
            replies += 1
            await send_response(recipient_id, reply)

        output.send_response = counting
        failed = True
        try:
            await on_new_message(message)
            failed = False
        finally:
            output.send_response = send_response
            answered = bool(replies) or text.startswith(SILENT_COMMANDS)
            if not answered and not failed and with_agent and await with_agent(message):
                answered = True  # the bot is paused: a colleague reads it
            if not answered:
                logger.error("No reply to a message of %s: sent the apology", message.sender_id)
                await output.send_text_message(message.sender_id, no_reply_note())
        if deliver:
            await deliver(message)
        return answered  # False: the bot did not answer (a channel may have it sent again)

    return handle
