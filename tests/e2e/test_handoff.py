"""Human handoff through the running servers: the record, the support channel post."""

import json
import sqlite3

import pytest
from fake_slack import SUPPORT_CHANNEL

from tests.stack import reply_text

pytestmark = pytest.mark.e2e
SECRET = "Lumia2024x"


def test_customer_asks_for_a_person(stack, slack_api, sender):
    stack.say(sender, "navod na nastaveni posty")
    stack.say(sender, "hotovo")
    stack.say(sender, f"heslo je {SECRET}")
    reply = reply_text(stack.say(sender, "chci mluvit s clovekem"))
    assert "Rozumím, předám Vás kolegům z technické podpory." in reply
    assert "čekáte na prvního volného" in reply and SECRET not in reply

    with sqlite3.connect(stack.db) as db:
        number, channel, topic, step, transcript = db.execute(
            "SELECT id, channel, topic, walkthrough_step, transcript FROM handoffs"
            " WHERE conversation_id = ?",
            (sender,),
        ).fetchone()
    assert f"(číslo {number})" in reply
    assert (channel, topic, step) == ("rest", "Nastavení krok za krokem", 2)
    assert "heslo je [heslo skryto]" in [line["text"] for line in json.loads(transcript)]

    posts = [p for p in slack_api.wait_for_posts(SUPPORT_CHANNEL, 1) if sender in json.dumps(p)]
    assert len(posts) == 1
    assert (
        posts[0]["text"]
        == f"Předání č. {number}: Nastavení krok za krokem (zákazník požádal o člověka)"
    )
    assert SECRET not in json.dumps(posts[0]) and "[heslo skryto]" in json.dumps(
        posts[0], ensure_ascii=False
    )


def test_two_misunderstandings_then_accepted_offer(stack, sender):
    # What NLU misreads varies with training; the intent payload is the misunderstanding.
    first = reply_text(stack.say(sender, "/nlu_fallback"))
    assert first.startswith("Promiňte, tomu jsem úplně nerozuměl.")
    second = reply_text(stack.say(sender, "/nlu_fallback"))
    assert second.startswith("Omlouvám se, stále Vám nerozumím. Mám Vás předat kolegovi")
    accepted = reply_text(stack.say(sender, "/affirm"))
    assert (
        accepted.startswith("Rozumím, předám Vás kolegům")
        and "čekáte na prvního volného" in accepted
    )


def test_open_smtp_fix_that_did_not_help(stack, sender):
    stack.say(sender, "prisel mi tiket open smtp")
    stack.say(sender, "ne, porad nic")
    reply = reply_text(stack.say(sender, "ne"))
    assert reply.startswith("Omlouvám se, že to nepomohlo. Předám Vás kolegům z technické podpory.")
    with sqlite3.connect(stack.db) as db:
        row = db.execute(
            "SELECT reason, topic FROM handoffs WHERE conversation_id = ?", (sender,)
        ).fetchone()
    assert row == ("fix_failed", "Ticket Open SMTP")
