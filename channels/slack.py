"""Rasa's Slack channel with what a helpdesk needs on top.

- Slack retries an event it thinks we missed; an event answered already is acknowledged
  without a second answer, whichever server answered it (channels/slack_events.py; Rasa
  only ignores "http_timeout" retries, and would ignore a retry of an event it never
  received, too). A turn that failed is not marked, so a retry of it is answered.
- Our responses use Markdown bold (`**993**`, the widget renders it); Slack's mrkdwn bolds
  with single asterisks.
- Every message is guarded like on the other channels (channels/guard.py).
- `slack_api_url` points the Web API client elsewhere (a GovSlack URL, or a local fake
  in tests); by default it is Slack's.
"""

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, Union

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient

from channels.guard import guard_blueprint
from channels.live_agent import LiveAgent
from channels.markdown import to_mrkdwn, to_plain
from channels.slack_events import BUSY, DONE, MemoryLedger, RedisLedger, ledger_for

logger = logging.getLogger(__name__)


class HelpdeskSlackBot(SlackBot):
    def __init__(
        self,
        token: str,
        slack_channel: Optional[str] = None,
        thread_id: Optional[str] = None,
        proxy: Optional[str] = None,
        api_url: Optional[str] = None,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, to_mrkdwn(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        # A mrkdwn section (Rasa sends plain_text, which would show the asterisks).
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            as_user=True,
            text=to_plain(text),
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": to_mrkdwn(text)}},
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "text": {"type": "plain_text", "text": button["title"]},
                            "value": button["payload"],
                        }
                        for button in buttons[:5]  # Slack's limit per actions block
                    ],
                },
            ],
        )


class HelpdeskSlackInput(SlackInput):
    ledger: Optional[Union[MemoryLedger, RedisLedger]] = None

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        credentials = credentials or {}
        channel.api_url = credentials.get("slack_api_url") or None
        # Retries are answered from the event ids below; a retry of an event this server
        # never took (lost on the way, or a restart) is processed, whatever its reason.
        channel.errors_ignore_retry = credentials.get("errors_ignore_retry") or ()
        channel.ledger = None  # chosen with the lock store Rasa runs with, on the first event
        channel.support_channel = credentials.get("support_channel") or None
        channel.live_agent = (
            LiveAgent(
                AsyncWebClient(
                    channel.slack_token,
                    base_url=channel.api_url or AsyncWebClient.BASE_URL,
                    proxy=channel.proxy,
                ),
                channel.support_channel,
            )
            if channel.support_channel
            else None
        )
        return channel

    def _is_supported_channel(self, slack_event: Dict[str, Any], metadata: Dict[str, Any]) -> bool:
        # The support channel carries the agents' replies in handoff threads.
        from_agents = (
            bool(self.support_channel) and metadata.get("out_channel") == self.support_channel
        )
        return from_agents or super()._is_supported_channel(slack_event, metadata)

    @staticmethod
    def agent_event(request: Request) -> Tuple[Optional[str], Optional[str]]:
        """(Slack user id, thread ts) of an event in the support channel; (None, None) for an
        edit, a deletion or another kind of message, which changes nothing."""
        if request.headers.get("content-type") == "application/json":
            event = (request.json or {}).get("event") or {}
            return (
                (None, None)
                if event.get("subtype")
                else (event.get("user"), event.get("thread_ts"))
            )
        payload = json.loads(request.form["payload"][0])
        message = payload.get("message") or {}
        return (payload.get("user") or {}).get("id"), message.get("thread_ts") or message.get("ts")

    @staticmethod
    def event_id(request: Request) -> Optional[str]:
        """The id of an Events API event (button clicks come form-encoded, without one)."""
        if request.headers.get("content-type") != "application/json":
            return None
        return (request.json or {}).get("event_id") or None

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: Optional[str],
        metadata: Optional[Dict],
    ) -> Any:
        if self.live_agent and (metadata or {}).get("out_channel") == self.support_channel:
            user, thread_ts = self.agent_event(request)
            if user:  # the agents' work runs beside the answer to Slack, like Rasa's turns
                task = asyncio.create_task(
                    self.live_agent.on_agent_event(request.app, text, user, thread_ts)
                )
                self._background_tasks.add(task)
                task.add_done_callback(self._background_tasks.discard)
            return response.text("")
        event_id = self.event_id(request)
        ignored = request.headers.get(self.retry_reason_header) in self.errors_ignore_retry
        if not event_id or ignored:  # Rasa's own way (it acknowledges an ignored retry)
            return await super().process_message(request, on_new_message, text, sender_id, metadata)
        if self.ledger is None:
            self.ledger = ledger_for(getattr(request.app.ctx.agent, "lock_store", None))
        ledger = self.ledger
        state = await ledger.claim(event_id)
        if state in (DONE, BUSY):
            logger.info(
                "Slack retry #%s (%s) of an event %s: not answered again.",
                request.headers.get(self.retry_num_header),
                request.headers.get(self.retry_reason_header),
                "answered already" if state == DONE else "being answered",
            )
            if state == BUSY:  # come back later: should that turn fail, the retry is answered
                return response.text("", status=409)
            return response.text("", headers={"X-Slack-No-Retry": "1"})

        async def handle(message: UserMessage) -> None:
            # Rasa answers Slack at once and runs the turn in the background: the event is
            # marked when the turn is done, or released for Slack's retry when it failed.
            answered = False
            try:
                answered = await on_new_message(message) is not False  # False: the guard apologised
            finally:
                await (ledger.finish if answered else ledger.release)(event_id)

        return await super().process_message(request, handle, text, sender_id, metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = guard_blueprint(super().blueprint, on_new_message)
        if self.live_agent:

            @blueprint.listener("after_server_start")
            async def agents_console(app: Any, _loop: Any) -> None:
                app.ctx.live_agent = self.live_agent  # the guard relays to it
                app.add_task(self.live_agent.sweep_forever(app))

        return blueprint

    def get_output_channel(
        self, channel: Optional[str] = None, thread_id: Optional[str] = None
    ) -> OutputChannel:
        return HelpdeskSlackBot(
            self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url
        )
