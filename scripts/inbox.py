"""`make inbox`: the messages the bot did not handle well, grouped, largest groups first.

usage: python scripts/inbox.py [--since 2026-11-01] [--until 2026-11-26] [--threshold 0.7]
                               [--export N --out file.txt]
"""

import argparse
import sys
from pathlib import Path

from analytics import conversations, inbox
from stores import database


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", help="first day, YYYY-MM-DD (default: 7 days ago)")
    parser.add_argument("--until", help="last day, YYYY-MM-DD (default: today)")
    parser.add_argument("--threshold", type=float, default=inbox.LOW_CONFIDENCE)
    parser.add_argument("--export", type=int, help="number of the group to export")
    parser.add_argument("--out", type=Path, help="file for the exported examples")
    parser.add_argument("--endpoints", type=Path, default=database.endpoints_file())
    args = parser.parse_args(argv)

    start, end = conversations.period(args.since, args.until)
    found = conversations.load(database.tracker_store_url(args.endpoints), start, end)
    missed, noise = inbox.without_noise(inbox.missed_messages(found, args.threshold))
    groups = inbox.group(missed)
    noise_note = f"Šum (náhodné znaky, jen emoji), neseskupeno: {noise} zpráv." if noise else ""
    if not groups:
        print(
            f"Žádné nepochopené zprávy v {len(found)} konverzacích za zvolené období. {noise_note}".strip()
        )
        return 0
    if args.export:
        chosen = inbox.chosen(groups, args.export)
        if not chosen or not args.out:
            print(
                f"make inbox: EXPORT must be a group number 1…{len(groups)} and OUT a file",
                file=sys.stderr,
            )
            return 2
        count = inbox.export(chosen, args.out)
        print(
            f"{count} příkladů ze skupiny #{args.export} v {args.out}:\n"
            f'  make intent NAME=<nový_záměr> EXAMPLES={args.out} RESPONSE="…"\n'
            f"  make examples INTENT=<existující_záměr> FILE={args.out}"
        )
        return 0
    total = sum(g.count for g in groups)
    print(f"Nepochopené zprávy: {total}, skupiny: {len(groups)}, konverzace v období: {len(found)}")
    print(f"{noise_note}\n" if noise_note else "")
    print(inbox.table(groups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
