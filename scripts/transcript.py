"""`make transcript ID=<conversation id>`: one conversation as the customer and the bot (and an
agent who took it over) wrote it, from the tracker store; passwords redacted (those typed
before the guard existed, too).

usage: python -m scripts.transcript <conversation id> [--endpoints endpoints.yml]
"""

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import sqlalchemy as sa

from czech_nlu.password import redact
from stores import database

NOTES = {"pause": "— kolega převzal rozhovor (bot mlčí) —", "resume": "— rozhovor je zpět u bota —"}


def lines(rows: Iterable[Dict[str, Any]]) -> List[str]:
    found = []
    for row in rows:
        data = json.loads(row["data"] or "{}")
        when = datetime.fromtimestamp(float(row["timestamp"]), timezone.utc).strftime(
            "%Y-%m-%d %H:%M:%S"
        )
        kind = row["type_name"]
        if kind == "user" and data.get("text"):
            found.append(f"{when}  zákazník: {redact(data['text'])}")
        elif kind == "bot" and data.get("text"):
            metadata = data.get("metadata") or {}
            agent = metadata.get("agent")
            # The route that answered (actions/routes.py), for whoever reads why the bot said it.
            route = f" ({metadata['route']})" if metadata.get("route") else ""
            who = f"kolega {agent}".strip() if agent is not None else f"bot{route}"
            buttons = " | ".join(b["title"] for b in (data.get("data") or {}).get("buttons") or [])
            found.append(f"{when}  {who}: {data['text']}" + (f"  [{buttons}]" if buttons else ""))
        elif kind in NOTES:
            found.append(f"{when}  {NOTES[kind]}")
    return found


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conversation")
    parser.add_argument("--endpoints", type=Path, default=database.endpoints_file())
    args = parser.parse_args(argv)
    engine = database.engine(database.tracker_store_url(args.endpoints))
    if not sa.inspect(engine).has_table("events"):
        print("V úložišti konverzací zatím nic není.", file=sys.stderr)
        return 1
    query = sa.text(
        "SELECT type_name, timestamp, data FROM events WHERE sender_id = :id ORDER BY id"
    )
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query, {"id": args.conversation})]
    if not rows:
        print(f"Konverzaci {args.conversation} neznám (nebo už byla smazána).", file=sys.stderr)
        return 1
    print(f"Konverzace {args.conversation}")
    print("\n".join(lines(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
