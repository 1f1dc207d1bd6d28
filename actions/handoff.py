"""Handing a conversation to a person: the record the support team works from (table
`handoffs` in the tracker store's database, stores/handoffs.py; posted to their Slack channel
when SLACK_SUPPORT_CHANNEL is set) and what the customer is told.

Triggers: the customer asks for a person (intent request_human); the fallback misunderstood
twice in a row and the customer accepted the offer; an Open SMTP / sending / receiving fix
did not help (troubleshooting).
"""

import logging
import os
import threading
from datetime import datetime, timezone, tzinfo
from typing import Any, Dict, List, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import knowledge
from actions.pending import Pending
from actions.topics import PROBLEM_TITLES, QUESTION_TITLES
from czech_nlu.password import redact
from stores import handoffs

logger = logging.getLogger(__name__)

REASONS = {
    "request": "zákazník požádal o člověka",
    "misunderstood": "bot dvakrát po sobě nerozuměl",
    "fix_failed": "rada bota nepomohla",
}
CONFIRMATIONS = {
    "request": "utter_handoff_confirm",
    "misunderstood": "utter_handoff_confirm",
    "fix_failed": "utter_handoff_fix_failed",
}
# The topic the support agent sees, from the customer's latest topical intent.
TOPICS = {**QUESTION_TITLES, **PROBLEM_TITLES}
WALKTHROUGH_TOPIC = TOPICS["start_walkthrough"]
UNKNOWN_TOPIC = "neurčeno"
# What the customer is told when a record is made (waiting for an agent, or not): a handoff.
HANDOFF_RESPONSES = (
    "utter_handoff_done",
    "utter_handoff_noted",
    "utter_handoff_waiting",
    "utter_handoff_again",
    # (a customer writing English is told in English instead, actions/english.py)
    "utter_en_handoff_done",
    "utter_en_handoff_noted",
    "utter_en_handoff_again",
)


def _user_intent(event: Dict[str, Any]) -> Optional[str]:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def detected_topic(events: List[Dict[str, Any]]) -> str:
    for event in reversed(events):
        if event.get("event") != "user":
            continue
        intent = _user_intent(event) or ""
        if intent in TOPICS:
            return TOPICS[intent]
        if intent.startswith("step_") or intent == "resume_walkthrough":
            return WALKTHROUGH_TOPIC
    return UNKNOWN_TOPIC


def transcript(events: List[Dict[str, Any]], turns: int) -> List[Dict[str, str]]:
    """The last `turns` messages; a button click shows its payload. The customer's were
    redacted by the channel already, again here for records of older conversations; the
    bot's own words are never a password."""
    lines = []
    for event in events:
        if event.get("event") == "user" and event.get("text"):
            lines.append({"who": "zákazník", "text": redact(event["text"])})
        elif event.get("event") == "bot" and event.get("text"):
            lines.append({"who": "bot", "text": event["text"]})
    return lines[-turns:]


def misunderstood_twice(tracker: Tracker) -> bool:
    """Called while the bot falls back on the latest message: the message before it fell
    back too (the fallback reverts a message it did not understand, so a rewind follows it)."""
    fell_back = []
    for event in tracker.events:
        if event.get("event") == "user":
            fell_back.append(False)
        elif event.get("event") == "rewind" and fell_back:
            fell_back[-1] = True
    return len(fell_back) >= 2 and fell_back[-2]


def build_record(tracker: Tracker, reason: str) -> Dict[str, Any]:
    step = tracker.get_slot("walkthrough_step")
    return {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "conversation_id": tracker.sender_id,
        "channel": tracker.get_latest_input_channel() or "neznámý",
        "reason": reason,
        "topic": detected_topic(tracker.events),
        "walkthrough_step": int(step) if step else None,
        "device": tracker.get_slot("device"),  # for the agent only (not a stored column)
        "transcript": transcript(tracker.events, knowledge.load()["handoff"]["transcript_turns"]),
    }


def slack_message(number: int, record: Dict[str, Any], channel: str) -> Dict[str, Any]:
    """The chat.postMessage arguments for the support team's channel."""
    step = record["walkthrough_step"]
    summary = (
        f"*Předání č. {number}* – {record['topic']}\n"
        f"Důvod: {REASONS[record['reason']]}\n"
        f"Konverzace: `{record['conversation_id']}` (kanál {record['channel']})"
        + (f"\nZařízení: {knowledge.guide(record['device']).name}" if record.get("device") else "")
        + (f"\nKrok návodu: {step} z {len(knowledge.steps(record.get('device')))}" if step else "")
    )
    lines = "\n".join(f"*{line['who']}:* {line['text'][:300]}" for line in record["transcript"])
    return {
        "channel": channel,
        "text": f"Předání č. {number}: {record['topic']} ({REASONS[record['reason']]})",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": summary}},
            {"type": "section", "text": {"type": "mrkdwn", "text": lines[:2900] or "–"}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "takeover",
                        "style": "primary",
                        "text": {"type": "plain_text", "text": "Převzít"},
                        "value": f"takeover:{number}",
                    }
                ],
            },
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": "Odpovědi v tomto vlákně dostane zákazník; `!konec` vrátí rozhovor botovi.",
                    }
                ],
            },
        ],
    }


def slack_configured() -> bool:
    return bool(os.environ.get("SLACK_SUPPORT_CHANNEL") and os.environ.get("SLACK_TOKEN"))


def _slack_client():
    from slack_sdk import WebClient

    return WebClient(
        token=os.environ["SLACK_TOKEN"],
        base_url=os.environ.get("SLACK_API_URL") or WebClient.BASE_URL,
    )


def _in_background(name: str, work) -> None:
    """Slack calls run beside the turn: the customer's answer does not wait for Slack, and a
    failure loses nothing (the record is stored)."""

    def run() -> None:
        try:
            work(_slack_client())
        except Exception:
            logger.exception("Slack: %s failed", name)

    threading.Thread(target=run, daemon=True).start()


def post_to_slack(message: Dict[str, Any], number: int) -> None:
    """Posts the record; its `ts` roots the thread the agents answer in (stored with it)."""

    def post(client) -> None:
        posted = client.chat_postMessage(**message)
        handoffs.update(number, slack_channel=posted["channel"], slack_ts=posted["ts"])

    _in_background("posting a handoff", post)


def post_in_thread(record: Dict[str, Any], text: str) -> None:
    if record.get("slack_ts") and slack_configured():
        _in_background(
            "a thread note",
            lambda client: client.chat_postMessage(
                channel=record["slack_channel"], thread_ts=record["slack_ts"], text=text
            ),
        )


def post_addition(record: Dict[str, Any], text: str) -> None:
    """What the customer adds after the handoff (a detail, a call-back time), for the colleagues."""
    post_in_thread(record, f"Zákazník doplňuje: {text}")


def within_office_hours(now: Optional[datetime] = None) -> bool:
    """OFFICE_HOURS=always / never overrides knowledge.yml (a 24/7 team; tests)."""
    override = os.environ.get("OFFICE_HOURS", "").lower()
    if override in ("always", "never"):
        return override == "always"
    hours = knowledge.load()["handoff"]["office_hours"]
    try:
        zone: tzinfo = ZoneInfo(hours["timezone"])
    except ZoneInfoNotFoundError:  # no time zone data on this machine
        zone = timezone.utc
    local = (now or datetime.now(timezone.utc)).astimezone(zone)
    return (
        local.isoweekday() in hours["weekdays"]
        and hours["from"] <= local.strftime("%H:%M") < hours["to"]
    )


def open_record(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The conversation's handoff that colleagues still have (one per conversation)."""
    try:
        record = handoffs.latest(tracker.sender_id)
    except SQLAlchemyError:
        logger.exception("Reading handoffs failed")
        return None
    return record if record and record["state"] != handoffs.CLOSED else None


def hand_off(
    dispatcher: CollectingDispatcher, tracker: Tracker, reason: str, contact_given: bool = False
) -> List[Dict[str, Any]]:
    """`contact_given`: the message holds the call-back contact already (it is not asked for)."""
    existing = open_record(tracker)
    if existing:  # asked again: the same record and number, nothing promised twice
        post_in_thread(existing, "Zákazník znovu žádá o člověka.")
        dispatcher.utter_message(
            response="utter_handoff_again",
            handoff_number=existing["id"],
            response_time=knowledge.load()["handoff"]["response_time"],
        )
        if existing["state"] == handoffs.CALLBACK and not existing.get("contact"):
            dispatcher.utter_message(
                response="utter_callback_offer",
                callback_time=knowledge.load()["handoff"]["callback_time"],
            )
            return [SlotSet("pending_question", Pending.CALLBACK_EMAIL.value)]
        return [SlotSet("pending_question", None)]
    record = build_record(tracker, reason)
    # Agents answer in the chat when they can (Slack is their console) and are at work.
    live = slack_configured() and within_office_hours()
    record["state"] = handoffs.WAITING if live else handoffs.CALLBACK
    try:
        number = handoffs.store(record)
    except SQLAlchemyError:
        logger.exception("Storing handoff failed")
        dispatcher.utter_message(
            response="utter_support_contact", support_contact=knowledge.load()["support_contact"]
        )
        return [SlotSet("pending_question", None)]
    if slack_configured():
        post_to_slack(slack_message(number, record, os.environ["SLACK_SUPPORT_CHANNEL"]), number)
    settings = knowledge.load()["handoff"]
    if record["state"] == handoffs.WAITING:  # an agent may take over in this very chat
        dispatcher.utter_message(response=CONFIRMATIONS[reason])
        dispatcher.utter_message(
            response="utter_handoff_waiting",
            handoff_number=number,
            waiting_time=settings["waiting_time"],
        )
        return [SlotSet("pending_question", None)]
    # Nobody can join the chat now: said first, before anything is promised.
    if reason == "fix_failed":
        dispatcher.utter_message(response="utter_fix_failed_sorry")
    dispatcher.utter_message(
        response="utter_handoff_noted" if contact_given else "utter_handoff_done",
        handoff_number=number,
        callback_time=settings["callback_time"],
    )
    return [SlotSet("pending_question", Pending.CALLBACK_EMAIL.value)]
