"""Handoff records, in the tracker store's database (stores/database.py): a record made by any
action server is seen by every other one and by `make report`."""
import json
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

from stores.database import endpoints_file, engine, tracker_store_url

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
)
_created = set()


def database(url: Optional[str] = None) -> sa.engine.Engine:
    url = url or tracker_store_url(endpoints_file())
    found = engine(url)
    if url not in _created:
        METADATA.create_all(found)
        _created.add(url)
    return found


def store(record: Dict[str, Any], url: Optional[str] = None) -> int:
    """Saves the record; returns its number, which the customer is told."""
    row = {**record, "transcript": json.dumps(record["transcript"], ensure_ascii=False)}
    with database(url).begin() as connection:
        result = connection.execute(HANDOFFS.insert().values(
            **{column.name: row[column.name] for column in HANDOFFS.columns if column.name != "id"}
        ))
        return int(result.inserted_primary_key[0])


def between(start_iso: str, end_iso: str, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """Records created in [start, end), oldest first."""
    query = (HANDOFFS.select()
             .where(HANDOFFS.c.created_at >= start_iso, HANDOFFS.c.created_at < end_iso)
             .order_by(HANDOFFS.c.id))
    with database(url).connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        row["transcript"] = json.loads(row["transcript"])
    return rows
