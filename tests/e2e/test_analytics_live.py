"""The inbox and the report read what the running bot really stored."""

import pytest

from analytics import conversations, inbox, report
from tests.responses import payload, said

pytestmark = pytest.mark.e2e


def test_real_conversations_feed_the_inbox_and_the_report(stack, sender):
    walk, ticket = f"{sender}-walk", f"{sender}-ticket"
    for text in ("navod na nastaveni posty na lumii", "hotovo", "hotovo"):
        stack.say(walk, text)
    for text in ("prisel mi tiket open smtp", "ne, porad nic", "ne"):
        stack.say(ticket, text)
    stored = [
        c
        for c in conversations.load(f"sqlite:///{stack.db}", *conversations.period(None, None))
        if c.sender_id in (walk, ticket)
    ]
    by_id = {c.sender_id: c for c in stored}
    assert by_id[walk].max_step == 3 and not by_id[walk].handed_off
    assert by_id[ticket].handed_off and report.open_smtp_outcome(by_id[ticket]) == "handed_off"
    result = report.figures(stored)
    assert result["channels"] == {"rest": 2} and result["containment_rate"] == 0.5
    assert result["walkthrough_reached"] == [1, 1, 1, 0, 0, 0, 0, 0]
    missed = inbox.missed_messages(stored)
    assert [(m.text, m.reason, m.conversation_id) for m in missed] == [
        ("prisel mi tiket open smtp", "handoff", ticket)
    ]


def test_a_rating_reaches_the_report(stack, sender):
    stack.say(sender, "prisel mi tiket open smtp")
    fixed = stack.say(sender, "ano, uz to funguje")
    payload(fixed, "👍")  # the rating buttons come with the resolved topic
    said(stack.say(sender, payload(fixed, "👎")), "utter_rating_sorry")
    said(stack.say(sender, "bylo to zbytecne slozite"), "utter_rating_comment_thanks")
    [stored] = [
        c
        for c in conversations.load(f"sqlite:///{stack.db}", *conversations.period(None, None))
        if c.sender_id == sender
    ]
    # the comment typed after the 👎 belongs to it (the console lists them together)
    assert stored.ratings == [
        {"value": "down", "topic": "Ticket Open SMTP", "comment": "bylo to zbytecne slozite"}
    ]
    result = report.figures([stored])
    assert result["satisfaction"] == {"Ticket Open SMTP": {"up": 0, "down": 1}}
    assert result["unhappy_conversations"] == [sender] and result["resolved"] == 1
