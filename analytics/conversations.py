"""Conversations read back from the configured tracker store (endpoints.yml: the SQLite file
by default, PostgreSQL in production), reduced to what the inbox and the report need."""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import sqlalchemy as sa

from actions.handoff import HANDOFF_RESPONSES
from czech_nlu.password import redact

ROOT = Path(__file__).resolve().parents[1]
FIX_WORKED_RESPONSE = "utter_fix_worked"
FALLBACK_INTENT = "nlu_fallback"
# What the bot says when it did not understand. DIET's nlu_fallback alone is no miss: the
# dispatcher still reads the message and often answers it.
FALLBACK_RESPONSES = {"utter_fallback", "utter_offer_handoff"}
# "S tím Vám neporadím", "Tohle za Vás nevyřeším": questions for a new intent
OUT_OF_SCOPE_RESPONSES = ("utter_out_of_scope", "utter_adjacent")
# The walkthrough ended (the customer is asked to send a test e-mail).
WALKTHROUGH_FINISHED_RESPONSE = "utter_walkthrough_check"


@dataclass
class UserMessage:
    text: str
    intent: str
    confidence: float
    guess: str  # the best intent other than the fallback: what the bot thought
    timestamp: float
    is_payload: bool
    fell_back: bool = False  # the bot answered it with "tomu jsem nerozuměl"
    out_of_scope: bool = False  # the bot answered it with "S tím Vám neporadím"
    route: str = ""  # the route of actions/routes.py that answered it


@dataclass
class Conversation:
    sender_id: str
    channel: str = "neznámý"
    messages: List[UserMessage] = field(default_factory=list)
    # (timestamp, kind, detail): "bot" with the response name, "step" with the step number
    timeline: List[tuple] = field(default_factory=list)
    # {"value": "up"|"down", "topic", "comment" (after a 👎, when given)}
    ratings: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def started(self) -> float:
        return min(m.timestamp for m in self.messages) if self.messages else 0.0

    @property
    def handoff_times(self) -> List[float]:
        return [t for t, kind, name in self.timeline if kind == "bot" and name in HANDOFF_RESPONSES]

    @property
    def handed_off(self) -> bool:
        return bool(self.handoff_times)

    @property
    def resolved(self) -> bool:
        """The customer confirmed a fix worked, finished the walkthrough or rated 👍 – not
        merely left."""
        said = {name for _, kind, name in self.timeline if kind == "bot"}
        rated_up = any(rating.get("value") == "up" for rating in self.ratings)
        return rated_up or bool(said & {FIX_WORKED_RESPONSE, WALKTHROUGH_FINISHED_RESPONSE})

    @property
    def max_step(self) -> int:
        return max(
            (int(value) for _, kind, value in self.timeline if kind == "step" and value), default=0
        )


def parse_day(text: str) -> date:
    return date.fromisoformat(text)


def period(since: Optional[str], until: Optional[str], days: int = 7):
    """(start, end) timestamps: SINCE inclusive, UNTIL inclusive (whole days, UTC)."""
    end_day = parse_day(until) if until else datetime.now(timezone.utc).date()
    start_day = parse_day(since) if since else end_day - timedelta(days=days - 1)
    start = datetime.combine(start_day, datetime.min.time(), timezone.utc).timestamp()
    end = datetime.combine(
        end_day + timedelta(days=1), datetime.min.time(), timezone.utc
    ).timestamp()
    return start, end


def _guess(parse_data: Dict[str, Any]) -> str:
    for item in parse_data.get("intent_ranking") or []:
        if item.get("name") and item["name"] != FALLBACK_INTENT:
            return item["name"]
    return (parse_data.get("intent") or {}).get("name") or ""


def conversations_from_events(rows: Iterable[Dict[str, Any]]) -> List[Conversation]:
    """Rows of the events table (sender_id, type_name, timestamp, data) in id order."""
    found: Dict[str, Conversation] = {}
    for row in rows:
        data = row["data"] if isinstance(row["data"], dict) else json.loads(row["data"] or "{}")
        conversation = found.setdefault(row["sender_id"], Conversation(row["sender_id"]))
        kind, timestamp = row["type_name"], float(row["timestamp"] or data.get("timestamp") or 0)
        if kind == "user":
            parse = data.get("parse_data") or {}
            intent = parse.get("intent") or {}
            text = data.get("text") or ""
            conversation.messages.append(
                UserMessage(
                    text=text,
                    intent=intent.get("name") or "",
                    confidence=float(intent.get("confidence") or 0),
                    guess=_guess(parse),
                    timestamp=timestamp,
                    is_payload=text.startswith("/"),
                )
            )
            if data.get("input_channel") and conversation.channel == "neznámý":
                conversation.channel = data["input_channel"]
        elif kind == "bot":
            metadata = data.get("metadata") or {}
            name = metadata.get("utter_action")
            conversation.timeline.append((timestamp, "bot", name))
            if conversation.messages and not conversation.messages[-1].route:
                conversation.messages[-1].route = metadata.get("route") or ""
            if name in FALLBACK_RESPONSES and conversation.messages:
                conversation.messages[-1].fell_back = True
            if name in OUT_OF_SCOPE_RESPONSES and conversation.messages:
                conversation.messages[-1].out_of_scope = True
        elif kind == "slot" and data.get("name") == "walkthrough_step":
            conversation.timeline.append((timestamp, "step", data.get("value")))
        elif (
            kind == "slot" and data.get("name") == "rating" and isinstance(data.get("value"), dict)
        ):
            conversation.ratings.append(dict(data["value"]))
        elif kind == "slot" and data.get("name") == "rating_comment" and data.get("value"):
            for rating in conversation.ratings[-1:]:  # typed by the customer: passwords redacted
                rating["comment"] = redact(str(data["value"]))
    return list(found.values())


def load(url: str, start: float, end: float) -> List[Conversation]:
    """Conversations with events in [start, end), only those events."""
    engine = sa.create_engine(url)
    if not sa.inspect(engine).has_table("events"):
        return []
    query = sa.text(
        "SELECT sender_id, type_name, timestamp, data FROM events"
        " WHERE timestamp >= :start AND timestamp < :end ORDER BY id"
    )
    with engine.connect() as connection:
        rows = [
            dict(row._mapping) for row in connection.execute(query, {"start": start, "end": end})
        ]
    engine.dispose()
    return [c for c in conversations_from_events(rows) if c.messages]
