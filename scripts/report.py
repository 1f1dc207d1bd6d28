"""`make report`: the helpdesk report for a date range, printed and written as
reports/helpdesk.html (self-contained, PNG plots inline).

usage: python scripts/report.py [--since 2026-11-01] [--until 2026-11-26] [--out reports/helpdesk.html]
"""

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from analytics import conversations, report
from stores import database


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", help="first day, YYYY-MM-DD (default: 7 days ago)")
    parser.add_argument("--until", help="last day, YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--out", type=Path, default=conversations.ROOT / "reports" / "helpdesk.html"
    )
    parser.add_argument("--endpoints", type=Path, default=database.endpoints_file())
    args = parser.parse_args(argv)

    start, end = conversations.period(args.since, args.until)
    first = datetime.fromtimestamp(start, timezone.utc).date().isoformat()
    last = datetime.fromtimestamp(end - 1, timezone.utc).date().isoformat()
    url = database.tracker_store_url(args.endpoints)
    found = conversations.load(url, start, end)
    if not found:
        print(f"Žádné konverzace v období {first} – {last}: není z čeho dělat report.")
        return 0
    result = report.figures(found)
    result["handoff_records"] = [
        {key: record[key] for key in report.HANDOFF_COLUMNS}
        for record in report.handoff_records(start, end, url)
    ]
    print(f"Období {first} – {last}\n{report.terminal_table(result)}")
    print(report.handoff_table(result["handoff_records"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report.html_page(result, first, last), encoding="utf-8")
    args.out.with_suffix(".json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"\n{args.out} (a {args.out.with_suffix('.json').name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
