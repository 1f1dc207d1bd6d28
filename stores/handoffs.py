"""Handoff records, in the tracker store's database (stores/database.py): a record made by any
action server is seen by every other one, by every Rasa server (the Slack thread of a record
leads to its conversation, after a restart too) and by `make report`.

A record's `state`: `waiting` for an agent, `taken` by one (the bot is paused), `callback`
(nobody took it in time, or outside office hours: the customer may leave an e-mail address),
`closed` (the agent gave the conversation back to the bot)."""

import json
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

from stores.database import with_tables

METADATA = sa.MetaData()
HANDOFFS = sa.Table(
    "handoffs",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False, index=True),  # ISO 8601, UTC
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("channel", sa.String(255), nullable=False),
    sa.Column("reason", sa.String(64), nullable=False),
    sa.Column("topic", sa.String(255), nullable=False),
    sa.Column("walkthrough_step", sa.Integer),
    sa.Column("transcript", sa.Text, nullable=False),  # JSON: [{"who": ..., "text": ...}]
    sa.Column("state", sa.String(16), nullable=False, server_default="waiting", index=True),
    sa.Column("agent", sa.String(255)),  # the display name of the agent who took it
    sa.Column("slack_channel", sa.String(64)),
    sa.Column("slack_ts", sa.String(64), index=True),  # the post that roots the agents' thread
    sa.Column("contact", sa.String(320)),  # the e-mail address left for a call-back
)
WAITING, TAKEN, CALLBACK, CLOSED = "waiting", "taken", "callback", "closed"


def database(url: Optional[str] = None) -> sa.engine.Engine:
    return with_tables(METADATA, url, _add_missing_columns)


def _add_missing_columns(found: sa.engine.Engine) -> None:
    """A table made by an earlier version gets the newer (nullable or defaulted) columns."""
    present = {column["name"] for column in sa.inspect(found).get_columns("handoffs")}
    with found.begin() as connection:
        for column in HANDOFFS.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=found.dialect)
                default = f" DEFAULT '{column.server_default.arg}'" if column.server_default else ""
                connection.exec_driver_sql(
                    f"ALTER TABLE handoffs ADD COLUMN {column.name} {kind}{default}"
                )


def store(record: Dict[str, Any], url: Optional[str] = None) -> int:
    """Saves the record; returns its number, which the customer is told."""
    row = {**record, "transcript": json.dumps(record["transcript"], ensure_ascii=False)}
    columns = [
        column.name for column in HANDOFFS.columns if column.name != "id" and column.name in row
    ]
    with database(url).begin() as connection:
        result = connection.execute(
            HANDOFFS.insert().values(**{name: row[name] for name in columns})
        )
        return int(result.inserted_primary_key[0])


def _one(query, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    with database(url).connect() as connection:
        row = connection.execute(query.limit(1)).first()
    return dict(row._mapping) if row else None


def by_id(number: int, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    return _one(HANDOFFS.select().where(HANDOFFS.c.id == number), url)


def by_thread(channel: str, ts: str, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    return _one(
        HANDOFFS.select().where(HANDOFFS.c.slack_channel == channel, HANDOFFS.c.slack_ts == ts), url
    )


def latest(conversation_id: str, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The conversation's newest record."""
    return _one(
        HANDOFFS.select()
        .where(HANDOFFS.c.conversation_id == conversation_id)
        .order_by(HANDOFFS.c.id.desc()),
        url,
    )


def update(
    number: int, url: Optional[str] = None, only_if_state: Optional[str] = None, **values: Any
) -> bool:
    """Sets `values`; with `only_if_state`, only while the record is in that state (of several
    servers doing the same, one wins). True when the record changed."""
    query = HANDOFFS.update().where(HANDOFFS.c.id == number)
    if only_if_state:
        query = query.where(HANDOFFS.c.state == only_if_state)
    with database(url).begin() as connection:
        return connection.execute(query.values(**values)).rowcount == 1


def waiting_since(seconds: float, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Records still waiting for an agent after `seconds`."""
    oldest = (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(timespec="seconds")
    query = HANDOFFS.select().where(HANDOFFS.c.state == WAITING, HANDOFFS.c.created_at <= oldest)
    with database(url).connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def between(start_iso: str, end_iso: str, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Records created in [start, end), oldest first."""
    query = (
        HANDOFFS.select()
        .where(HANDOFFS.c.created_at >= start_iso, HANDOFFS.c.created_at < end_iso)
        .order_by(HANDOFFS.c.id)
    )
    with database(url).connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        row["transcript"] = json.loads(row["transcript"])
    return rows
