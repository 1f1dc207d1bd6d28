"""Rasa's REST channel (same URL, /webhooks/rest/webhook) that turns a malformed request into
a 400 instead of a 500 or a message from a "default" customer, and guards every message
(channels/guard.py)."""

from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage as BadRequest  # Sanic 21: 400
from sanic.request import Request

from channels.guard import guard_blueprint
from czech_nlu.password import redact

MAX_SENDER_CHARS = 128


def _body(request: Request) -> Dict[str, Any]:
    body = request.json  # invalid JSON: Sanic answers 400 itself
    if not isinstance(body, dict):
        raise BadRequest('Očekávám JSON objekt {"sender": "...", "message": "..."}.')
    return body


class HelpdeskRestInput(RestInput):
    async def _extract_sender(self, request: Request) -> Optional[str]:
        sender = _body(request).get("sender")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
            raise BadRequest(
                f'"sender" musí být neprázdný text (nejvýše {MAX_SENDER_CHARS} znaků).'
            )
        return sender

    def _extract_message(self, request: Request) -> Optional[str]:
        message = _body(request).get("message")
        if not isinstance(message, str):
            raise BadRequest('"message" musí být text.')
        # Redacted here already: Rasa logs this text if handling the message fails.
        return redact(message)

    def _extract_input_channel(self, request: Request) -> str:
        return self.name()  # the channel is ours to say, not the client's

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        metadata = _body(request).get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            raise BadRequest('"metadata" musí být JSON objekt.')
        return metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return guard_blueprint(super().blueprint, on_new_message)
