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
    training = [l[2:] for l in nlu["nlu"][0]["examples"].splitlines()]
    assert "jak zapnu filtr na nevyzadanou postu?" in training  # the twin without diacritics
    assert len(training) >= 15
    holdout = yaml.safe_load((repo / "tests/nlu_holdout.yml").read_text(encoding="utf-8"))
    held = [b for b in holdout["nlu"] if b.get("intent") == NAME][0]["examples"]
    assert "Jak označím zprávu jako nevyžádanou?" in held
    assert "Jak označím zprávu jako nevyžádanou?" not in training
    rules = yaml.safe_load((repo / "data/rules.yml").read_text(encoding="utf-8"))
    assert {"rule": NAME, "steps": [{"intent": NAME}, {"action": f"utter_{NAME}"}]} in rules["rules"]
    stories = yaml.safe_load((repo / "tests/test_stories.yml").read_text(encoding="utf-8"))
    assert stories["stories"][-1]["steps"][0]["intent"] == NAME


@pytest.mark.parametrize(
    "name, examples, response, reason",
    [
        ("AskScaffoldProbe", EXAMPLES, ANSWER, "snake_case"),
        ("ask_port", EXAMPLES, ANSWER, "exists already"),
        (NAME, EXAMPLES[:9], ANSWER, "at least 10"),
        (NAME, EXAMPLES + ["jaky port pro imap se ssl"], ANSWER, "belongs to ask_port"),
        (NAME, EXAMPLES, "Použijte port 993.", "retypes facts"),
        (NAME, [f"antispam {n}" for n in range(11)], ANSWER, "at least 15"),
    ],
)
def test_refuses(repo, name, examples, response, reason):
    before = (repo / "domain.yml").read_text(encoding="utf-8")
    with pytest.raises(Refused, match=reason):
        add_intent(name, examples, response, repo)
    assert (repo / "domain.yml").read_text(encoding="utf-8") == before
