"""A person answers in the same chat. The support team's Slack channel is the agents' console:
each handoff is posted there (actions/handoff.py) and its thread is the conversation.

- "Převzít" or any reply in the thread takes the conversation: the customer is told who
  joined, Rasa's `ConversationPaused` stops the bot, every agent reply reaches the customer.
- While the bot is paused, each customer message is posted into the thread (passwords were
  redacted by the guard before Rasa saw it) and stays in the tracker.
- `!konec` (or "Vrátit botovi") gives it back: `ConversationResumed`, the customer is told, a
  walkthrough is offered to continue at its step.
- Nobody took over within `takeover_seconds`: the customer is offered a call-back (an e-mail
  address, actions/callback.py answers it).

Everything is keyed by conversation id and kept in the tracker store and the handoff table,
so any Rasa server can act on any thread, after a restart too. Messages reach the widget over
its open socket.io session and Slack customers in their DM; a REST client gets them with the
reply to its next message (marked `pushed` in the tracker).
"""

import asyncio
import logging
import os
from typing import Any, Dict, List, Optional

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.shared.core.events import (
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    Event,
    SlotSet,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from actions import knowledge
from stores import handoffs

logger = logging.getLogger(__name__)

END_COMMAND = "!konec"
TAKEOVER, RELEASE = "takeover", "release"
PUSHED = "pushed"  # metadata of a bot event sent outside a turn


def sweep_seconds() -> float:
    """How often waiting handoffs are checked (HANDOFF_SWEEP_SECONDS; tests check often)."""
    return float(os.environ.get("HANDOFF_SWEEP_SECONDS") or 5)


def takeover_seconds() -> float:
    return float(
        os.environ.get("HANDOFF_TAKEOVER_SECONDS")
        or knowledge.load()["handoff"]["takeover_seconds"]
    )


class LiveAgent:
    def __init__(self, slack_client: Any, support_channel: str) -> None:
        self.slack = slack_client  # slack_sdk's AsyncWebClient (SLACK_API_URL honoured)
        self.channel = support_channel

    # --- the agents' side ---------------------------------------------------------------

    async def on_agent_event(
        self, app: Sanic, text: str, user: str, thread_ts: Optional[str]
    ) -> None:
        """A button value ("takeover:12", "release:12") or a reply in a handoff's thread."""
        command, _, number = text.partition(":")
        if command in (TAKEOVER, RELEASE) and number.isdigit():
            record = handoffs.by_id(int(number))
        elif thread_ts:
            record = handoffs.by_thread(self.channel, thread_ts)
        else:
            return
        if not record or record["slack_channel"] != self.channel:
            return  # not a thread of ours: nothing changes
        if command == RELEASE or text.strip().lower() == END_COMMAND:
            await self.release(app, record)
            return
        name = await self.display_name(user)
        words = [] if command == TAKEOVER else [{"text": text}]
        if record["state"] != handoffs.TAKEN:
            await self.take_over(app, record, name, words)
        elif words:
            await self.send(app, record["conversation_id"], words, agent=name)

    async def display_name(self, user: str) -> str:
        try:
            profile = (await self.slack.users_info(user=user))["user"]["profile"]
            return profile.get("display_name") or profile.get("real_name") or ""
        except Exception:  # a name is a courtesy; the message matters
            return ""

    async def take_over(
        self, app: Sanic, record: Dict[str, Any], name: str, words: List[Dict[str, Any]]
    ) -> None:
        """The conversation paused, the customer told who joined and, in the same save, the
        agent's first words (a customer who writes meanwhile reads both or neither)."""
        if not handoffs.update(
            record["id"], only_if_state=record["state"], state=handoffs.TAKEN, agent=name
        ):
            if words:  # another agent (or server) was first; these words still reach the customer
                await self.send(app, record["conversation_id"], words, agent=name)
            return
        joined = await render(
            app,
            record["conversation_id"],
            "utter_agent_joined" if name else "utter_agent_joined_unnamed",
            agent=name,
        )
        await self.send(
            app,
            record["conversation_id"],
            joined + words,
            agent=name,
            before=[ConversationPaused()],
        )
        text = f"{name or 'Kolega'} převzal(a) rozhovor. Zprávy zákazníka přijdou sem; `!konec` ho vrátí botovi."
        await self.note(
            record,
            text,
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": text}},
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "release",
                            "text": {"type": "plain_text", "text": "Vrátit botovi"},
                            "value": f"{RELEASE}:{record['id']}",
                        }
                    ],
                },
            ],
        )

    async def release(self, app: Sanic, record: Dict[str, Any]) -> None:
        if not handoffs.update(record["id"], only_if_state=handoffs.TAKEN, state=handoffs.CLOSED):
            return
        conversation = record["conversation_id"]
        left = await render(app, conversation, "utter_agent_left")
        tracker = await app.ctx.agent.tracker_store.retrieve(conversation)
        if tracker and tracker.get_slot("walkthrough_step"):  # the walkthrough goes on at its step
            left += await render(
                app,
                conversation,
                "utter_offer_resume",
                step=int(tracker.get_slot("walkthrough_step")),
                steps=len(knowledge.steps(tracker.get_slot("device"))),
            )
        await self.send(app, conversation, left, before=[ConversationResumed()])
        await self.note(record, "Rozhovor je zpět u bota.")

    # --- the customer's side ------------------------------------------------------------

    async def on_customer_message(self, app: Sanic, message: UserMessage) -> bool:
        """After Rasa took a message the bot did not answer: True when the conversation is
        with an agent (the message went to the thread; no apology is due)."""
        tracker = await app.ctx.agent.tracker_store.retrieve(message.sender_id)
        if not tracker or not tracker.is_paused():
            return False
        record = handoffs.latest(message.sender_id)
        if record and record["state"] == handoffs.TAKEN:
            await self.note(record, f"*Zákazník:* {message.text}")
        return True

    # --- timeouts -----------------------------------------------------------------------

    async def sweep(self, app: Sanic) -> None:
        """Waiting records nobody took within the time: the call-back offer (one server wins
        each record: the state changes only from `waiting`)."""
        for record in handoffs.waiting_since(takeover_seconds()):
            if not handoffs.update(
                record["id"], only_if_state=handoffs.WAITING, state=handoffs.CALLBACK
            ):
                continue
            conversation = record["conversation_id"]
            offer = await render(
                app,
                conversation,
                "utter_callback_offer",
                callback_time=knowledge.load()["handoff"]["callback_time"],
            )
            await self.send(
                app, conversation, offer, after=[SlotSet("pending_question", "callback_email")]
            )
            await self.note(
                record, "Nikdo rozhovor nepřevzal včas: zákazníkovi je nabídnuta odpověď e-mailem."
            )

    async def sweep_forever(self, app: Sanic) -> None:
        while True:
            await asyncio.sleep(sweep_seconds())
            try:
                await self.sweep(app)
            except Exception:
                logger.exception("Checking handoffs that wait too long failed")

    # --- plumbing -----------------------------------------------------------------------

    async def note(
        self, record: Dict[str, Any], text: str, blocks: Optional[List[Dict[str, Any]]] = None
    ) -> None:
        """A line in the record's thread."""
        if not record.get("slack_ts"):
            return
        try:
            await self.slack.chat_postMessage(
                channel=record["slack_channel"],
                thread_ts=record["slack_ts"],
                text=text,
                **({"blocks": blocks} if blocks else {}),
            )
        except Exception:
            logger.exception("Posting into the handoff thread failed")

    async def send(
        self,
        app: Sanic,
        conversation: str,
        messages: List[Dict[str, Any]],
        agent: Optional[str] = None,
        before: Optional[List[Event]] = None,
        after: Optional[List[Event]] = None,
    ) -> None:
        """Records `messages` in the conversation (with `before` / `after` events) and pushes
        them to the customer's channel."""
        bot = app.ctx.agent
        async with bot.lock_store.lock(conversation):
            tracker = await bot.processor.fetch_tracker_with_initial_session(conversation)
            for event in before or []:
                tracker.update(event)
            for message in messages:
                metadata: Dict[str, Any] = {PUSHED: True}
                if message.get("utter_action"):  # the bot's own response
                    metadata["utter_action"] = message["utter_action"]
                elif agent is not None:  # an agent's words
                    metadata["agent"] = agent
                tracker.update(
                    BotUttered(message.get("text"), {"buttons": message.get("buttons")}, metadata)
                )
            for event in after or []:
                tracker.update(event)
            await bot.processor.save_tracker(tracker)
        output = output_channel(app, tracker)
        for message in messages:
            await output.send_response(
                conversation, {k: v for k, v in message.items() if k != "utter_action"}
            )


async def render(
    app: Sanic, conversation: str, response: str, **values: Any
) -> List[Dict[str, Any]]:
    """A domain response, filled as Rasa fills it."""
    bot = app.ctx.agent
    tracker = await bot.tracker_store.retrieve(conversation) or DialogueStateTracker(
        conversation, []
    )
    generated = await bot.nlg.generate(
        response, tracker, tracker.get_latest_input_channel() or "", **values
    )
    return [{**(generated or {}), "utter_action": response}]


def output_channel(app: Sanic, tracker: DialogueStateTracker) -> OutputChannel:
    """Where the customer reads: the widget's socket (its session's room), their Slack DM;
    REST has no way to push (it reads `pushed` messages with its next reply)."""
    name = tracker.get_latest_input_channel()
    metadata = (tracker.latest_message.metadata if tracker.latest_message else None) or {}
    for channel in getattr(app.ctx, "input_channels", []):
        if channel.name() != name:
            continue
        if name == "slack":
            return channel.get_output_channel(
                metadata.get("out_channel"), metadata.get("thread_id")
            )
        if name == "socketio":
            return channel.get_output_channel()
    return CollectingOutputChannel()


def pushed_since_last_message(tracker: DialogueStateTracker) -> List[Dict[str, Any]]:
    """The messages pushed between the customer's previous message and this one (REST)."""
    found: List[Dict[str, Any]] = []
    users = 0
    for event in reversed(tracker.events):
        if event.type_name == "user":
            users += 1
            if users == 2:
                break
        elif users == 1 and event.type_name == "bot" and (event.metadata or {}).get(PUSHED):
            found.insert(
                0,
                {
                    "text": event.text,
                    **({"buttons": event.data["buttons"]} if event.data.get("buttons") else {}),
                },
            )
    return found
