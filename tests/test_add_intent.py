"""`make intent`: what support staff run to teach the bot a new question."""

import shutil

import pytest
import yaml
from conftest import ROOT

from scripts.add_intent import Refused, add_intent

# A question nobody will add for real, so the test passes whatever staff have taught the bot.
NAME = "ask_scaffold_probe"
EXAMPLES = [
    "Jak zapnu filtr na nevyžádanou poštu?",
    "Kde je antispam?",
    "Chodí mi spam, co s tím?",
    "Nastavení spamového filtru",
    "Jak označím zprávu jako nevyžádanou?",
    "Můžu si zapnout ochranu proti spamu?",
    "Proč mi chodí tolik reklamy do pošty?",
    "Kde se nastavuje filtr spamu?",
    "Spam filtr prosím",
    "Jak zablokuji odesílatele reklam?",
    "Filtrujete nevyžádané e-maily?",
    "Potřebuji antispam",
]
ANSWER = "Filtr nevyžádané pošty zapnete v zákaznickém prostoru u své e-mailové schránky."


@pytest.fixture
def repo(tmp_path):
    for part in ("data", "tests"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("e2e", "*.py"))
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    return tmp_path


def test_adds_everything_a_new_intent_needs(repo):
    add_intent(NAME, EXAMPLES, ANSWER, repo)
    domain = yaml.safe_load((repo / "domain.yml").read_text(encoding="utf-8"))
    assert NAME in domain["intents"]
    assert domain["responses"][f"utter_{NAME}"] == [{"text": ANSWER}]
    nlu = yaml.safe_load((repo / f"data/nlu/{NAME}.yml").read_text(encoding="utf-8"))
    training = [line[2:] for line in nlu["nlu"][0]["examples"].splitlines()]
    assert "jak zapnu filtr na nevyzadanou postu?" in training  # the twin without diacritics
    assert len(training) >= 15
    holdout = yaml.safe_load((repo / "tests/nlu_holdout.yml").read_text(encoding="utf-8"))
    held = next(b for b in holdout["nlu"] if b.get("intent") == NAME)["examples"]
    assert "Jak označím zprávu jako nevyžádanou?" in held
    assert "Jak označím zprávu jako nevyžádanou?" not in training
    rules = yaml.safe_load((repo / "data/rules.yml").read_text(encoding="utf-8"))
    assert {"rule": NAME, "steps": [{"intent": NAME}, {"action": f"utter_{NAME}"}]} in rules[
        "rules"
    ]
    stories = yaml.safe_load((repo / "tests/test_stories.yml").read_text(encoding="utf-8"))
    assert stories["stories"][-1]["steps"][0]["intent"] == NAME


@pytest.mark.parametrize(
    "name, examples, response, reason",
    [
        ("AskScaffoldProbe", EXAMPLES, ANSWER, "snake_case"),
        ("ask_port", EXAMPLES, ANSWER, "už existuje"),
        (NAME, EXAMPLES[:9], ANSWER, "aspoň 10"),
        (NAME, EXAMPLES + ["jaky port pro imap se ssl"], ANSWER, "patří k ask_port"),
        (NAME, EXAMPLES, "Použijte port 993.", "opisuje údaje"),
        (NAME, [f"antispam {n}" for n in range(11)], ANSWER, "aspoň 15"),
    ],
)
def test_refuses(repo, name, examples, response, reason):
    before = (repo / "domain.yml").read_text(encoding="utf-8")
    with pytest.raises(Refused, match=reason):
        add_intent(name, examples, response, repo)
    assert (repo / "domain.yml").read_text(encoding="utf-8") == before


def training_examples(repo, intent):
    for path in (repo / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if block.get("intent") == intent:
                return [line[2:] for line in block["examples"].splitlines()]
    return []


def test_more_examples_for_an_existing_intent(repo):
    from scripts.add_intent import add_examples

    before = training_examples(repo, "request_human")
    new = [
        "Potřebuju živou bytost z podpory",
        "Je tam nějaký technik?",
        "chci cloveka ne stroj",
        "Dejte mi kolegu",
        "Chci s někým mluvit",
        "Chci mluvit s člověkem",
    ]  # the last one it has
    changed = add_examples("request_human", new, repo)
    after = training_examples(repo, "request_human")
    assert (
        "Potřebuju živou bytost z podpory" in after and "potrebuju zivou bytost z podpory" in after
    )
    assert "Chci s někým mluvit" not in after  # every fifth new one is held out
    assert "Chci s někým mluvit" in (repo / "tests" / "nlu_holdout.yml").read_text(encoding="utf-8")
    assert after[: len(before)] == before
    assert any("1 příkladů přeskočeno" in line for line in changed)
    # The file is still valid training data.
    from rasa.shared.nlu.training_data.loading import load_data

    assert load_data(str(repo / "data" / "nlu")).intents


def test_more_examples_refused_when_another_intent_owns_one(repo):
    from scripts.add_intent import add_examples

    with pytest.raises(Refused, match="patří k ask_port"):
        add_examples(
            "request_human", ["Chci mluvit s technikem", "Jaký port pro IMAP se SSL?"], repo
        )
    with pytest.raises(Refused, match="v data/nlu není"):
        add_examples("ask_nothing_like_this", ["Úplně nový dotaz"], repo)
