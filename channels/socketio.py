"""Rasa's socket.io channel (the widget's) with every message guarded (channels/guard.py) and
malformed events repaired instead of dropped: Rasa's handler expects a dict with a
session_id and JSON metadata, and otherwise raises or ignores the message."""
import json
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.guard import guarded


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


class HelpdeskSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(guarded(on_new_message))
        namespace = self.namespace or "/"
        handle_message = self.sio.handlers[namespace][self.user_message_evt]

        async def handle_repaired(sid: str, data: Any = None) -> None:
            await handle_message(sid, repaired(data, sid, self.metadata_key))

        self.sio.on(self.user_message_evt, handle_repaired, namespace=namespace)
        return blueprint
