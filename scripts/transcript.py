"""`make transcript ID=<conversation id>`: one conversation as the customer and the bot (and an
agent who took it over) wrote it, from the tracker store; passwords redacted (those typed
before the guard existed, too).

usage: python -m scripts.transcript <conversation id> [--endpoints endpoints.yml]
"""

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from analytics import transcript
from stores import database


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conversation")
    parser.add_argument("--endpoints", type=Path, default=database.endpoints_file())
    args = parser.parse_args(argv)
    found = transcript.read(args.conversation, database.tracker_store_url(args.endpoints))
    if found is None:
        print(f"Konverzaci {args.conversation} neznám (nebo už byla smazána).", file=sys.stderr)
        return 1
    print(f"Konverzace {args.conversation}")
    print("\n".join(str(line) for line in found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
