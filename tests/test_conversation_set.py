"""The realistic conversation set stays independent of the training data and covers every
kind of message the bot must understand."""

import re
from collections import Counter
from pathlib import Path

import yaml

from czech_nlu.folding import fold
from tests.conversations.evaluate import load_cases

ROOT = Path(__file__).resolve().parents[1]
KINDS = {
    "long",
    "multi",
    "check",
    "negation",
    "correction",
    "symptom",
    "open_smtp",
    "navigation",
    "identity",
    "language",
    "device_flow",
}


def normalized(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def training_sentences():
    sentences = set()
    for path in (ROOT / "data").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            for line in (block.get("examples") or "").splitlines():
                sentences.add(
                    normalized(
                        re.sub(
                            r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}",
                            r"\1\2",
                            line.lstrip("- "),
                        )
                    )
                )
    return sentences


def test_no_customer_turn_is_training_data():
    """Sentences only: a one- or two-word answer ("hotovo", "imap", "jsi robot?") is the
    same whoever writes it."""
    known = training_sentences()
    copied = [
        t["say"]
        for case in load_cases()
        for t in case["turns"]
        if len(normalized(t["say"]).split()) > 2 and normalized(t["say"]) in known
    ]
    assert not copied, copied


def test_the_set_covers_every_kind_with_enough_conversations():
    cases = load_cases()
    turns = Counter(case["kind"] for case in cases for _ in case["turns"])
    assert set(turns) == KINDS
    assert len(cases) >= 150 and sum(turns.values()) >= 300
    for case in cases:
        for turn in case["turns"]:
            for pattern in turn.get("expect", []) + turn.get("forbid", []):
                re.compile(pattern)
