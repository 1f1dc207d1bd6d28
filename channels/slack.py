"""Rasa's Slack channel with what a helpdesk needs on top.

- Slack retries an event it thinks we missed; an event id we already took is acknowledged
  without a second answer (any retry reason; Rasa only ignores "http_timeout" retries, and
  would ignore a retry of an event it never received, too).
- Our responses use Markdown bold (`**993**`, the widget renders it); Slack's mrkdwn bolds
  with single asterisks.
- Every message is guarded like on the other channels (channels/guard.py).
- `slack_api_url` points the Web API client elsewhere (a GovSlack URL, or a local fake
  in tests); by default it is Slack's.
"""
import logging
import re
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import response
from sanic.request import Request
from sanic import Blueprint
from slack_sdk.web.async_client import AsyncWebClient

from channels.guard import guard_blueprint

logger = logging.getLogger(__name__)

MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
SEEN_EVENTS_KEPT = 10_000


def to_mrkdwn(text: Text) -> Text:
    return MARKDOWN_BOLD.sub(r"*\1*", text)


def to_plain(text: Text) -> Text:
    return MARKDOWN_BOLD.sub(r"\1", text)


class HelpdeskSlackBot(SlackBot):
    def __init__(
        self,
        token: Text,
        slack_channel: Optional[Text] = None,
        thread_id: Optional[Text] = None,
        proxy: Optional[Text] = None,
        api_url: Optional[Text] = None,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, to_mrkdwn(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
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
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        credentials = credentials or {}
        channel.api_url = credentials.get("slack_api_url") or None
        # Retries are answered from the event ids below; a retry of an event this server
        # never took (lost on the way, or a restart) is processed, whatever its reason.
        channel.errors_ignore_retry = credentials.get("errors_ignore_retry") or ()
        channel.seen_events = OrderedDict()
        return channel

    def already_taken(self, request: Request) -> bool:
        """Remembers the event id of a JSON event; True when it was taken before."""
        if request.headers.get("content-type") != "application/json":
            return False
        event_id = (request.json or {}).get("event_id")
        if not event_id:
            return False
        if event_id in self.seen_events:
            return True
        self.seen_events[event_id] = True
        if len(self.seen_events) > SEEN_EVENTS_KEPT:
            self.seen_events.popitem(last=False)
        return False

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender_id: Optional[Text],
        metadata: Optional[Dict],
    ) -> Any:
        if self.already_taken(request):
            logger.info(
                "Slack retry #%s of an event already answered (%s): ignored.",
                request.headers.get(self.retry_num_header),
                request.headers.get(self.retry_reason_header),
            )
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return guard_blueprint(super().blueprint, on_new_message)

    def get_output_channel(
        self, channel: Optional[Text] = None, thread_id: Optional[Text] = None
    ) -> OutputChannel:
        return HelpdeskSlackBot(
            self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url
        )
