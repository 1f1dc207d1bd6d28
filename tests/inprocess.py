"""The whole bot in this process, no servers: the trained model (NLU, policies, responses) in
Rasa's Agent, the action server's code called directly instead of over HTTP, and every message
guarded as the channels guard it (channels/guard.py: redaction, the password marker).

Conversation sets play here in seconds (`make unit`); the e2e tests play them through REST.
"""

import asyncio
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.log_utils import configure_structlog
from rasa_sdk.executor import ActionExecutor

from channels.guard import Guard

MODEL = Path(__file__).resolve().parents[1] / "models" / "helpdesk.tar.gz"


class InProcessActions(EndpointConfig):
    """The action endpoint, answered by rasa_sdk's executor in this process (the same code the
    action server runs, the same JSON in and out)."""

    def __init__(self) -> None:
        super().__init__(url="in-process://actions")
        self.executor = ActionExecutor()
        self.executor.register_package("actions")

    async def request(self, method: str = "post", subpath: Optional[str] = None, **kwargs: Any):
        # Through JSON both ways, as over HTTP: nothing passes that the server could not send.
        call = json.loads(json.dumps(kwargs["json"]))
        return json.loads(json.dumps(await self.executor.run(call)))


def _handoff_store() -> None:
    """The handoff records in a SQLite file of this process (the servers keep them in the
    tracker store's database, which a fresh clone does not have before `make run`)."""
    folder = Path(tempfile.mkdtemp(prefix="inprocess-"))
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {folder / 'tracker.db'}\n",
        encoding="utf-8",
    )
    os.environ["ENDPOINTS"] = str(endpoints)


class InProcessBot:
    def __init__(self, model: Path = MODEL) -> None:
        _handoff_store()
        self.loop = asyncio.new_event_loop()
        self.agent = self.loop.run_until_complete(self._load(model))
        # The servers' log level, not debug (the debug lines would print every turn).
        configure_structlog(logging.WARNING)
        for name in ("rasa", "rasa_sdk", "actions", "channels"):
            logging.getLogger(name).setLevel(logging.WARNING)
        self.guard = Guard(self.agent.handle_message, self._parse)

    @staticmethod
    async def _load(model: Path) -> Agent:
        return Agent.load(str(model), action_endpoint=InProcessActions())

    async def _parse(self, message: UserMessage) -> Dict[str, Any]:
        return await self.agent.processor.parse_message(message)

    def say(self, sender: str, text: str) -> List[Dict[str, Any]]:
        """The bot's messages (text, buttons) for one customer message, as REST returns them."""
        output = CollectingOutputChannel()
        message = UserMessage(text, output, sender, input_channel="rest")
        self.loop.run_until_complete(self.guard(message))
        return output.messages

    def tracker(self, sender: str):
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(sender))
