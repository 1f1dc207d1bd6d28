"""Rasa's socket.io channel (the widget's) with every message guarded (channels/guard.py),
malformed events repaired instead of dropped (Rasa's handler expects a dict with a
session_id and JSON metadata, and otherwise raises or ignores the message), and only the
pages of `cors_origins` let in: Rasa's socket.io server accepts a handshake from any Origin
(`--cors` covers HTTP routes only), so any web page could talk to the bot."""

import json
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request

from channels import websockets_py311  # noqa: F401  (the widget's websocket on Python 3.11)
from channels.guard import guard_blueprint


def repaired(data: Any, sid: str, metadata_key: str) -> Dict[str, Any]:
    if not isinstance(data, dict):
        data = {"message": data if isinstance(data, str) else ""}
    data = dict(data)
    if not isinstance(data.get("message"), str):
        data["message"] = ""  # Rasa's UserMessage fails on anything else
    if not isinstance(data.get("session_id"), str) or not data["session_id"]:
        data["session_id"] = sid  # answered on the client's own socket
    metadata = data.get(metadata_key)
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            metadata = None
    data[metadata_key] = metadata if isinstance(metadata, dict) else {}
    return data


def origins(value: Any) -> List[str]:
    """`cors_origins` as written in credentials: a list, or one space-separated string."""
    if isinstance(value, str):
        value = value.split()
    return [origin.rstrip("/") for origin in value or [] if origin and origin != "*"]


class HelpdeskSocketIOInput(SocketIOInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "HelpdeskSocketIOInput":
        channel = super().from_credentials(credentials)
        # None: engine.io's own default, the bot's own origin only.
        channel.cors_origins = origins((credentials or {}).get("cors_origins")) or None
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = guard_blueprint(super().blueprint, on_new_message)
        self._admit_only_our_pages()
        namespace = self.namespace or "/"
        handle_message = self.sio.handlers[namespace][self.user_message_evt]

        async def handle_repaired(sid: str, data: Any = None) -> None:
            await handle_message(sid, repaired(data, sid, self.metadata_key))

        self.sio.on(self.user_message_evt, handle_repaired, namespace=namespace)
        return blueprint

    def _admit_only_our_pages(self) -> None:
        """A browser request (handshake, polling, websocket upgrade) from a page whose Origin
        is not ours gets a 400. Rasa turns engine.io's own check off (`cors_allowed_origins=[]`)
        because it would add a second Access-Control-Allow-Origin header to Sanic's; this is
        that check without the header. Clients that send no Origin are not browsers."""
        engine = self.sio.eio
        handle_request = engine.handle_request  # Sanic's route is made from it on register

        async def only_our_pages(request: Request, *args: Any, **kwargs: Any) -> Any:
            origin = (request.headers.get("origin") or "").rstrip("/")
            ours = self.cors_origins or [f"{request.scheme}://{request.host}"]
            if origin and origin not in ours:
                return response.text(f"{origin} není povolený původ.", status=400)
            return await handle_request(request, *args, **kwargs)

        engine.handle_request = only_our_pages
