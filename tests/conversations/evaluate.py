"""Realistic customer conversations (tests/conversations/<kind>.yml) played against a running
bot through the REST channel, scored per turn and per kind.

A turn is correct when every `expect` regex matches the reply (texts and button titles) and
no `forbid` regex does; `forbid` lists the wrong ports / servers for the question, so a
forbidden match is also a *fact error* – the one failure that must never happen. A clarifying
question is no fact error (the cases accept it in `expect` where the message is ambiguous).

    python -m tests.conversations.evaluate [--url http://localhost:5005/webhooks/rest/webhook] [-v]
"""

import argparse
import json
import re
import sys
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_URL = "http://localhost:5005/webhooks/rest/webhook"


def load_cases(where: Path = HERE) -> List[Dict[str, Any]]:
    """The cases of a folder of YAML files (or of one file); a case without `kind` (the black-box
    runner's format in shared/eval) is counted under its `cat`."""
    cases = []
    for path in sorted(where.glob("*.yml")) if where.is_dir() else [where]:
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    for case in cases:
        case.setdefault("kind", case.get("cat"))
    return cases


def reply_text(messages: List[Dict[str, Any]]) -> str:
    parts = []
    for message in messages:
        parts.append(message.get("text") or "")
        parts.extend(button.get("title", "") for button in message.get("buttons") or [])
    return "\n".join(parts)


def rest_sender(url: str) -> Callable[[str, str], str]:
    def say(sender: str, text: str) -> str:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            url, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return reply_text(json.loads(response.read() or b"[]"))

    return say


@dataclass
class Score:
    turns: Dict[str, List[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    fact_errors: List[str] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(ok for ok, _ in self.turns.values())

    @property
    def total(self) -> int:
        return sum(n for _, n in self.turns.values())

    def table(self) -> str:
        lines = [f"{'kind':12} {'turns':>7} {'correct':>8}"]
        for kind, (ok, n) in sorted(self.turns.items()):
            lines.append(f"{kind:12} {n:>7} {ok / n:>8.1%}")
        lines.append(f"{'all':12} {self.total:>7} {self.correct / max(self.total, 1):>8.1%}")
        lines.append(f"fact errors: {len(self.fact_errors)}")
        return "\n".join(lines)


def play(say: Callable[[str, str], str], cases: List[Dict[str, Any]]) -> Score:
    score = Score()
    for case in cases:
        sender = f"conv-{case['id']}-{uuid.uuid4().hex[:8]}"
        for number, turn in enumerate(case["turns"]):
            reply = say(sender, turn["say"])
            missing = [rx for rx in turn.get("expect", []) if not re.search(rx, reply, re.I)]
            wrong = [rx for rx in turn.get("forbid", []) if re.search(rx, reply, re.I)]
            tally = score.turns[case["kind"]]
            tally[1] += 1
            if not missing and not wrong:
                tally[0] += 1
                continue
            where = f"{case['id']} turn {number} {turn['say'][:80]!r}"
            if wrong:
                score.fact_errors.append(f"{where}: forbidden {wrong} in {reply[:200]!r}")
            score.failures.append(
                f"{where}: missing {missing} forbidden {wrong} in {reply[:240]!r}"
            )
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("-v", action="store_true", help="list every failed turn")
    parser.add_argument("--cases", type=Path, default=HERE, help="a folder or file of cases")
    parser.add_argument(
        "--in-process", action="store_true", help="the bot in this process (tests/inprocess.py)"
    )
    parser.add_argument("--json", help="write the per-kind figures here")
    args = parser.parse_args()
    if args.in_process:
        from tests.inprocess import InProcessBot

        bot = InProcessBot()
        say = lambda sender, text: reply_text(bot.say(sender, text))  # noqa: E731
    else:
        say = rest_sender(args.url)
    score = play(say, load_cases(args.cases))
    if args.v:
        print("\n".join(score.failures))
    print(score.table())
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {k: {"correct": ok, "turns": n} for k, (ok, n) in score.turns.items()}, indent=1
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
