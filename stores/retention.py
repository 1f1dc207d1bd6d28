"""How long the bot keeps what customers wrote: conversations idle for longer than the
retention period are deleted whole (every event, so no half conversation remains), and
handoff records older than it; in the tracker store's database, SQLite or PostgreSQL.
The inbox and the report read only these, so they forget the same data."""

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

import sqlalchemy as sa

from stores import handoffs
from stores.database import engine

DEFAULT_DAYS = 90


@dataclass
class Purged:
    conversations: int
    events: int
    handoffs: int


def purge(url: str, days: float, now: Optional[float] = None) -> Purged:
    cutoff = (now or time.time()) - days * 86_400
    database = engine(url)
    tables = set(sa.inspect(database).get_table_names())
    conversations = events = records = 0
    with database.begin() as connection:
        if "events" in tables:
            idle = sa.text(
                "SELECT sender_id FROM events GROUP BY sender_id HAVING max(timestamp) < :cutoff"
            )
            senders = [row[0] for row in connection.execute(idle, {"cutoff": cutoff})]
            for start in range(0, len(senders), 500):  # bounded IN lists
                chunk = senders[start : start + 500]
                events += connection.execute(
                    sa.text("DELETE FROM events WHERE sender_id IN :senders").bindparams(
                        sa.bindparam("senders", expanding=True)
                    ),
                    {"senders": chunk},
                ).rowcount
            conversations = len(senders)
        if "handoffs" in tables:
            oldest_kept = datetime.fromtimestamp(cutoff, timezone.utc).isoformat(timespec="seconds")
            records = connection.execute(
                handoffs.HANDOFFS.delete().where(handoffs.HANDOFFS.c.created_at < oldest_kept)
            ).rowcount
    return Purged(conversations, events, records)
