"""Data hygiene: enough Czech examples per intent, typed the way customers type."""

import re
from collections import defaultdict
from pathlib import Path

import yaml

from czech_nlu.folding import fold

ROOT = Path(__file__).resolve().parents[1]
ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")
SCAFFOLD_MARK = "# Added by `make intent`."
SCAFFOLDED = set()  # intents support staff added; their minimum is 15 examples


def plain(example: str) -> str:
    return ANNOTATION.sub(r"\1", example).strip()


def examples_by_intent(files):
    found = defaultdict(list)
    for path in files:
        if path.read_text(encoding="utf-8").startswith(SCAFFOLD_MARK):
            SCAFFOLDED.add(path.stem)
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                for line in block["examples"].splitlines():
                    if line.strip().startswith("- "):
                        found[block["intent"]].append(plain(line.strip()[2:]))
    return found


TRAINING = examples_by_intent(sorted((ROOT / "data" / "nlu").glob("*.yml")))
HOLDOUT = examples_by_intent([ROOT / "tests" / "nlu_holdout.yml"])
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def test_every_domain_intent_has_enough_examples():
    from scripts.validate import BUTTON_ONLY_INTENTS

    for intent in set(DOMAIN["intents"]) - set(BUTTON_ONLY_INTENTS):
        minimum = 15 if intent in SCAFFOLDED else 20
        assert len(TRAINING[intent]) >= minimum, (intent, len(TRAINING[intent]))


def test_a_third_of_each_intent_is_typed_without_diacritics():
    for intent, examples in TRAINING.items():
        without = sum(1 for e in examples if fold(e) == e.lower())
        assert without * 3 >= len(examples), (intent, without, len(examples))


def test_no_example_belongs_to_two_intents():
    owner = {}
    for intent, examples in TRAINING.items():
        for example in examples:
            key = example.lower()
            assert owner.setdefault(key, intent) == intent, (example, owner[key], intent)


def test_holdout_is_never_training_data_and_is_large_enough():
    training = {e.lower() for examples in TRAINING.values() for e in examples}
    held_out = [e for examples in HOLDOUT.values() for e in examples]
    assert len(held_out) >= 100
    assert not [e for e in held_out if e.lower() in training]
    assert set(HOLDOUT) <= set(DOMAIN["intents"])


def test_every_intent_has_a_rule_and_a_test_story():
    rules = (ROOT / "data" / "rules.yml").read_text(encoding="utf-8")
    stories = (ROOT / "tests" / "test_stories.yml").read_text(encoding="utf-8")
    for intent in DOMAIN["intents"]:
        assert f"intent: {intent}\n" in rules, intent
        assert f"intent: {intent}\n" in stories, intent
