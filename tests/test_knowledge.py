"""The knowledge file agrees with the guide, and no fact is retyped elsewhere."""

import re
from pathlib import Path

import pytest

from actions import knowledge

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "tests" / "data" / "guide_windows_phone_8.md"
SHARED_GUIDE = ROOT.parent / "shared" / "seed" / "000_23463ca404b1cb8d.txt"


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def guide_port_tables():
    """{'POP': {...}, 'IMAP': {...}} from the guide's "|Příchozí|995|110|" tables."""
    tables = {}
    for section, body in re.findall(
        r"## Konfigurace (POP|IMAP)\n(.*?)(?=\n## |\Z)", guide_text(), re.S
    ):
        rows = dict(
            (name, (int(ssl), int(plain)))
            for name, ssl, plain in re.findall(r"\|(Příchozí|Odchozí)\|(\d+)\|(\d+)\|", body)
        )
        tables[section] = rows
    return tables


def test_vendored_guide_is_the_shared_one():
    if not SHARED_GUIDE.exists():  # beside the repo on developer machines and in CI
        pytest.skip(f"no shared guide at {SHARED_GUIDE} to compare the vendored copy with")
    assert GUIDE.read_text(encoding="utf-8") == SHARED_GUIDE.read_text(encoding="utf-8")


def test_ports_match_the_guide_tables():
    tables = guide_port_tables()
    assert set(tables) == {"POP", "IMAP"}
    for section, protocol in (("IMAP", "imap"), ("POP", "pop3")):
        assert tables[section]["Příchozí"] == (
            knowledge.port(protocol, "ssl"),
            knowledge.port(protocol, "plain"),
        )
        assert tables[section]["Odchozí"] == (
            knowledge.port("smtp", "ssl"),
            knowledge.port("smtp", "plain"),
        )


def test_servers_and_checkboxes_are_the_guides():
    text = guide_text()
    assert f"Server příchozí pošty: {knowledge.server('incoming')}" in text
    assert f"Server odchozí pošty (SMTP): {knowledge.server('outgoing')}" in text
    for label in knowledge.smtp_auth_checkboxes():
        assert f'"{label}"' in text
    assert knowledge.load()["open_smtp"]["unsupported_method"] in text


def test_username_is_the_guides():
    # "Název uživatele: celá e-mailová adresa", "Uživatel: Celá e-mailová adresa."
    said = re.findall(r"^(?:Název uživatele|Uživatel): (.+?)\.?$", guide_text(), re.M)
    assert said, "the guide names no user name"
    ours = knowledge.credentials()["username"]["nominative"].lower()
    for value in said:
        assert value.lower() in ours, value


def test_every_port_maps_back_to_one_protocol():
    for name, spec in knowledge.protocols().items():
        for security, number in spec["ports"].items():
            assert knowledge.protocol_for_port(number) == (name, security)
    assert knowledge.protocol_for_port(25) is None


# The Czech phone's label where the guide's translation differs.
GUIDE_NAME_OF = {"Nastavení": "Parametry", "přihlásit se": "se přihlašte"}


def test_the_guides_steps_with_the_guides_labels():
    steps = knowledge.steps()
    text = guide_text()
    assert len(steps) == len(re.findall(r"^## Část \d+:", text, re.M))
    for step in steps:
        for label in step.labels:
            assert f'"{GUIDE_NAME_OF.get(label, label)}"' in text, label


def test_no_fact_is_retyped_in_domain_or_data_responses():
    domain = (ROOT / "domain.yml").read_text(encoding="utf-8")
    assert knowledge.server("incoming").lower() not in domain.lower()
    for spec in knowledge.protocols().values():
        for number in spec["ports"].values():
            assert not re.search(rf"\b{number}\b", domain), number


def test_steps_shown_together_end_at_the_provider_list_and_at_the_form():
    for guide in knowledge.guides().values():
        form = guide.step_number(knowledge.FORM_STEP_ID)
        for number, step in enumerate(guide.steps, 1):
            if step.with_next:  # shown with the next step: never the form or a step after it
                assert number < form, (guide.id, step.id)
        assert guide.shown_with(form) == form  # the values end a message
        first = guide.shown_with(1)
        if guide.id != knowledge.guide().id:  # past the first message: the rest to the form
            assert guide.shown_with(first + 1) == form, guide.id
    iphone = knowledge.guide("iphone_mail")
    assert iphone.shown_with(1) == 3 and iphone.shown_with(3) == 3
    assert iphone.shown_with(4) == iphone.step_number(knowledge.FORM_STEP_ID)
    # "na čem jsme byli?" at the form: the message that led there, whole
    assert iphone.message_start(iphone.step_number(knowledge.FORM_STEP_ID)) == 4
    assert iphone.message_start(3) == 1 and iphone.stops() == (3, 5, 6)
    assert knowledge.guide().shown_with(1) == 1  # the seed's guide: a step at a time
