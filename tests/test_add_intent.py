"""`make intent`: what support staff run to teach the bot a new question."""
import shutil

import pytest
import yaml

from conftest import ROOT
from scripts.add_intent import Refused, add_intent

WEBMAIL = [
    "Jak se dostanu do webmailu?",
    "Kde je webmail?",
    "Můžu číst poštu v prohlížeči?",
    "Adresa webmailu",
    "Jak otevřu poštu na počítači v prohlížeči?",
    "Přihlášení do webové pošty",
    "Kde najdu webové rozhraní pošty?",
    "Jde pošta číst přes web?",
    "Odkaz na webmail prosím",
    "Jak se přihlásím do pošty přes internet?",
    "Webová pošta nefunguje, kde ji najdu?",
    "Potřebuji webmail",
]
ANSWER = "Poštu si přečtete i v prohlížeči: přihlaste se do webmailu celou e-mailovou adresou."


@pytest.fixture
def repo(tmp_path):
    for part in ("data", "tests"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("e2e", "*.py"))
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    return tmp_path


def test_adds_everything_a_new_intent_needs(repo):
    add_intent("ask_webmail", WEBMAIL, ANSWER, repo)
    domain = yaml.safe_load((repo / "domain.yml").read_text(encoding="utf-8"))
    assert "ask_webmail" in domain["intents"]
    assert domain["responses"]["utter_ask_webmail"] == [{"text": ANSWER}]
    nlu = yaml.safe_load((repo / "data/nlu/ask_webmail.yml").read_text(encoding="utf-8"))
    training = [l[2:] for l in nlu["nlu"][0]["examples"].splitlines()]
    assert "muzu cist postu v prohlizeci?" in training  # the twin without diacritics
    assert len(training) >= 15
    holdout = yaml.safe_load((repo / "tests/nlu_holdout.yml").read_text(encoding="utf-8"))
    held = [b for b in holdout["nlu"] if b.get("intent") == "ask_webmail"][0]["examples"]
    assert "Jak otevřu poštu na počítači v prohlížeči?" in held
    assert "Jak otevřu poštu na počítači v prohlížeči?" not in training
    rules = yaml.safe_load((repo / "data/rules.yml").read_text(encoding="utf-8"))
    assert {"rule": "ask_webmail", "steps": [{"intent": "ask_webmail"}, {"action": "utter_ask_webmail"}]} in rules["rules"]
    stories = yaml.safe_load((repo / "tests/test_stories.yml").read_text(encoding="utf-8"))
    assert stories["stories"][-1]["steps"][0]["intent"] == "ask_webmail"


@pytest.mark.parametrize(
    "name, examples, response, reason",
    [
        ("AskWebmail", WEBMAIL, ANSWER, "snake_case"),
        ("ask_port", WEBMAIL, ANSWER, "exists already"),
        ("ask_webmail", WEBMAIL[:9], ANSWER, "at least 10"),
        ("ask_webmail", WEBMAIL + ["jaky port pro imap se ssl"], ANSWER, "belongs to ask_port"),
        ("ask_webmail", WEBMAIL, "Použijte port 993.", "retypes facts"),
        ("ask_webmail", [f"webmail {n}" for n in range(11)], ANSWER, "at least 15"),
    ],
)
def test_refuses(repo, name, examples, response, reason):
    before = (repo / "domain.yml").read_text(encoding="utf-8")
    with pytest.raises(Refused, match=reason):
        add_intent(name, examples, response, repo)
    assert (repo / "domain.yml").read_text(encoding="utf-8") == before
