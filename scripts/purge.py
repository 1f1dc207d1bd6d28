"""`make purge [DAYS=90]`: deletes conversations idle for more than DAYS days and handoff
records older than that, from the tracker store's database (stores/retention.py). `make run`
does it at start and daily with RETENTION_DAYS (default 90).

usage: python -m scripts.purge [--days 90] [--endpoints endpoints.yml] [--every SECONDS]
"""

import argparse
import sys
import time
from pathlib import Path

from stores import database, retention


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, default=retention.DEFAULT_DAYS)
    parser.add_argument("--endpoints", type=Path, default=database.endpoints_file())
    parser.add_argument("--every", type=float, help="repeat every SECONDS (make run: daily)")
    args = parser.parse_args(argv)
    if args.days < 0:
        print("make purge: DAYS must be 0 or more", file=sys.stderr)
        return 2
    while True:
        try:
            purged = retention.purge(database.tracker_store_url(args.endpoints), args.days)
            print(
                f"Smazáno (starší než {args.days:g} dní): konverzace {purged.conversations} "
                f"(události {purged.events}), záznamy o předání {purged.handoffs}.",
                flush=True,
            )
        except Exception as error:  # a database that is down now may be up tomorrow
            if not args.every:
                raise
            print(f"Mazání starých dat selhalo: {error}", file=sys.stderr, flush=True)
        if not args.every:
            return 0
        time.sleep(args.every)


if __name__ == "__main__":
    sys.exit(main())
