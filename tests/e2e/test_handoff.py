"""Human handoff through the running servers: the record, the support channel post."""

import json
import re
import sqlite3

import pytest
from fake_slack import SUPPORT_CHANNEL

from actions import knowledge
from actions.handoff import REASONS
from tests.responses import payload, said

pytestmark = pytest.mark.e2e
SECRET = "Lumia2024x"
HANDOFF = knowledge.load()["handoff"]


def test_customer_asks_for_a_person(stack, slack_api, sender):
    stack.say(sender, "navod na nastaveni posty na lumii")
    stack.say(sender, "hotovo")
    stack.say(sender, f"heslo je {SECRET}")
    reply = stack.say(sender, "chci mluvit s clovekem")
    said(reply, "utter_handoff_confirm")

    with sqlite3.connect(stack.db) as db:
        number, channel, reason, topic, step, transcript = db.execute(
            "SELECT id, channel, reason, topic, walkthrough_step, transcript FROM handoffs"
            " WHERE conversation_id = ?",
            (sender,),
        ).fetchone()
    assert said(reply, "utter_handoff_waiting") == {
        "handoff_number": str(number),
        "waiting_time": HANDOFF["waiting_time"],
    }
    assert (channel, reason, topic, step) == ("rest", "request", "Postup nastavení", 2)
    assert "heslo je [heslo skryto]" in [line["text"] for line in json.loads(transcript)]

    posts = [p for p in slack_api.wait_for_posts(SUPPORT_CHANNEL, 1) if sender in json.dumps(p)]
    assert len(posts) == 1
    # What the agent reads first: which handoff, about what, why.
    assert re.search(rf"\b{number}\b", posts[0]["text"])
    assert topic in posts[0]["text"] and REASONS[reason] in posts[0]["text"]
    assert SECRET not in json.dumps(posts[0]) and "[heslo skryto]" in json.dumps(
        posts[0], ensure_ascii=False
    )


def test_two_misunderstandings_then_accepted_offer(stack, sender):
    # What NLU misreads varies with training; the intent payload is the misunderstanding.
    said(stack.say(sender, "/nlu_fallback"), "utter_fallback")
    offer = stack.say(sender, "/nlu_fallback")
    said(offer, "utter_offer_handoff")
    accepted = stack.say(sender, payload(offer, "Ano, předejte mě"))
    said(accepted, "utter_handoff_confirm")
    record = stack.handoff_record(conversation=sender)
    assert said(accepted, "utter_handoff_waiting")["handoff_number"] == str(record["id"])
    assert record["reason"] == "misunderstood"


def test_open_smtp_fix_that_did_not_help(stack, sender):
    stack.say(sender, "prisel mi tiket open smtp")
    stack.say(sender, "ne, porad nic")
    reply = stack.say(sender, "ne")
    said(reply, "utter_handoff_fix_failed")
    with sqlite3.connect(stack.db) as db:
        number, reason, topic = db.execute(
            "SELECT id, reason, topic FROM handoffs WHERE conversation_id = ?", (sender,)
        ).fetchone()
    assert (reason, topic) == ("fix_failed", "Ticket Open SMTP")
    assert said(reply, "utter_handoff_waiting")["handoff_number"] == str(number)
