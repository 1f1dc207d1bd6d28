"""The bot as a customer meets it: Czech questions through the REST channel."""

import re
import sqlite3

import pytest

from actions import knowledge
from tests.responses import said
from tests.stack import reply_text

pytestmark = pytest.mark.e2e


def ask(stack, sender, text):
    return reply_text(stack.say(sender, text))


def has_port(text, number):
    return re.search(rf"\b{number}\b", text) is not None


def test_imap_ssl_then_follow_ups(stack, sender):
    first = ask(stack, sender, "Jaký port pro IMAP se SSL?")
    assert has_port(first, 993) and not has_port(first, 143) and not has_port(first, 995)
    assert has_port(ask(stack, sender, "a bez SSL?"), 143)
    assert has_port(ask(stack, sender, "A co POP3?"), 110)  # keeps "bez SSL"


def test_pop3_ssl_then_outgoing(stack, sender):
    assert has_port(ask(stack, sender, "jaky port pro pop3 se ssl"), 995)
    reply = ask(stack, sender, "a pro odchozí?")
    assert has_port(reply, 465) and not has_port(reply, 587)


def test_security_first_gets_each_protocols_port_then_one_keeps_it(stack, sender):
    reply = ask(stack, sender, "jaky port kdyz chci ssl")
    assert all(has_port(reply, n) for n in (993, 995, 465))
    assert not any(has_port(reply, n) for n in (143, 110, 587))
    reply = ask(stack, sender, "a pro odchozi?")  # the SSL choice kept
    assert has_port(reply, 465) and not has_port(reply, 587)


def test_protocol_alone_gives_both_ports(stack, sender):
    reply = ask(stack, sender, "Jaké porty má IMAP?")
    assert has_port(reply, 993) and has_port(reply, 143)
    assert not has_port(reply, 995) and not has_port(reply, 110)


def test_reverse_lookup_and_unknown_port(stack, sender):
    assert "SMTP bez SSL" in ask(stack, sender, "K čemu je port 587?")
    reply = ask(stack, sender, "na co je port 25")
    assert "nepoužívá" in reply and has_port(reply, 993)


def test_server_username_password(stack, sender):
    assert "SSL0.OVH.NET" in ask(stack, sender, "Jaký server zadat pro příchozí poštu?")
    assert "e-mailová adresa" in ask(stack, sender, "co napsat jako uzivatelske jmeno")
    assert "Manager" in ask(stack, sender, "kde najdu heslo ke schrance")


def test_another_phone_gets_its_own_steps(stack, sender):
    reply = ask(stack, sender, "Mám Android, jak to nastavím?")
    first = knowledge.guide("android_gmail").steps[0].text  # the whole guide, from its start
    assert "Celý postup v Androidu" in reply and first in reply and "Windows Phone" not in reply


def test_a_phone_without_a_guide_gets_the_settings_that_hold_everywhere(stack, sender):
    reply = ask(stack, sender, "Mám BlackBerry, jak to nastavím?")
    assert "všude stejné" in reply and "SSL0.OVH.NET" in reply and has_port(reply, 993)


def test_greeting_and_out_of_scope(stack, sender):
    assert "Dobrý den" in ask(stack, sender, "Dobrý večer")
    assert "neporadím" in ask(stack, sender, "Jaké bude zítra počasí?")


def test_typed_password_gets_the_warning(stack, sender):
    said(stack.say(sender, "heslo mam Slunce123, je to dobre?"), "utter_password_warning")


def test_conversation_is_kept_in_the_sql_tracker_store(stack, sender):
    ask(stack, sender, "Jaký port pro IMAP se SSL?")
    with sqlite3.connect(stack.db) as db:
        count = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[
            0
        ]
    assert count > 3
