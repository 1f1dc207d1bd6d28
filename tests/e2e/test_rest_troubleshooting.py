"""Open SMTP and sending problems, through the REST channel, each path to its end."""

import pytest

from tests.stack import reply_text

pytestmark = pytest.mark.e2e


def ask(stack, sender, text):
    return reply_text(stack.say(sender, text))


def test_ticket_fix_helped(stack, sender):
    reply = ask(stack, sender, "Co znamená ticket Open SMTP?")
    assert "POP before SMTP" in reply and "Server odchozí pošty vyžaduje autentizaci" in reply
    assert "Pomohlo to?" in reply
    assert "Výborně" in ask(stack, sender, "ano, pomohlo")


def test_symptom_fix_checks_then_a_person(stack, sender):
    reply = ask(stack, sender, "prijimam maily ale nemuzu zadny odeslat")
    assert "ověřování" in reply and "465" in reply
    reply = ask(stack, sender, "/deny")
    assert "celá e-mailová adresa" in reply
    assert "Předám Vás kolegům z technické podpory" in ask(stack, sender, "porad to nejde")


def test_ambiguous_symptom_both_branches(stack, sender):
    assert "příjem" in ask(stack, sender, "nefunguje mi posta")
    assert "ověřování" in ask(stack, sender, "ano")
    other = sender + "-b"
    ask(stack, other, "Pošta mi v mobilu vůbec nejde")
    reply = ask(stack, other, "ne")
    assert "SSL0.OVH.NET" in reply and "993" in reply
