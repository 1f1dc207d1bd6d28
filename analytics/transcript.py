"""One conversation as the customer and the bot (and an agent who took it over) wrote it, read
from the tracker store, passwords redacted (those typed before the guard existed, too). Shared
by `make transcript` and the console's conversation page."""

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Optional

import sqlalchemy as sa

from czech_nlu.password import redact
from stores import database

NOTES = {"pause": "— kolega převzal rozhovor (bot mlčí) —", "resume": "— rozhovor je zpět u bota —"}


@dataclass
class Line:
    when: str  # UTC, "YYYY-MM-DD HH:MM:SS"
    who: str  # "zákazník", "bot", "kolega <name>"; "" for a note
    text: str
    route: str = ""  # the route of actions/routes.py that answered (bot lines)
    buttons: List[str] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.who:
            return f"{self.when}  {self.text}"
        who = f"bot ({self.route})" if self.who == "bot" and self.route else self.who
        buttons = f"  [{' | '.join(self.buttons)}]" if self.buttons else ""
        return f"{self.when}  {who}: {self.text}{buttons}"


def lines(rows: Iterable[Dict[str, Any]]) -> List[Line]:
    """Rows of the events table (type_name, timestamp, data) in id order."""
    found = []
    for row in rows:
        data = json.loads(row["data"] or "{}")
        when = datetime.fromtimestamp(float(row["timestamp"]), timezone.utc).strftime(
            "%Y-%m-%d %H:%M:%S"
        )
        kind = row["type_name"]
        if kind == "user" and data.get("text"):
            found.append(Line(when, "zákazník", redact(data["text"])))
        elif kind == "bot" and data.get("text"):
            metadata = data.get("metadata") or {}
            agent = metadata.get("agent")
            buttons = [b["title"] for b in (data.get("data") or {}).get("buttons") or []]
            if agent is not None:
                found.append(Line(when, f"kolega {agent}".strip(), data["text"], "", buttons))
            else:
                found.append(Line(when, "bot", data["text"], metadata.get("route") or "", buttons))
        elif kind in NOTES:
            found.append(Line(when, "", NOTES[kind]))
    return found


def read(conversation_id: str, url: str) -> Optional[List[Line]]:
    """The conversation's lines; None when the store does not know it (or it was purged)."""
    engine = database.engine(url)
    if not sa.inspect(engine).has_table("events"):
        return None
    query = sa.text(
        "SELECT type_name, timestamp, data FROM events WHERE sender_id = :id ORDER BY id"
    )
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query, {"id": conversation_id})]
    return lines(rows) if rows else None
