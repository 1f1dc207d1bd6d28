"""Two Rasa servers behind one (imagined) load balancer: conversations in PostgreSQL, turns
taken one at a time through the Redis lock store."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.responses import said
from tests.stack import reply_text

pytestmark = pytest.mark.scale
STEP = re.compile(r"^\**Krok (\d) z 8", re.M)


def step(reply: str) -> int:
    found = STEP.search(reply)
    return int(found.group(1)) if found else 0


def test_alternating_servers_share_the_walkthrough(servers, sender):
    first, second = servers
    turns = [
        # The device question asked on one server is answered on the other.
        (first, "navod na nastaveni posty", "utter_ask_device"),
        (second, "Windows Phone", 1),
        (first, "hotovo", 2),
        (second, "hotovo", 3),
        (first, "zpet", 2),
        (second, "jaky port pro imap se ssl", None),  # a digression keeps the step
        (first, "pokracuj", 2),
        (second, "krok 6", 6),
        # Step 7's form shows the recommended account's values: the digression (IMAP with SSL
        # asked on the side) does not decide them; a choice made on the other server does.
        (first, "hotovo", "utter_form_defaults"),
        (second, "pop3", "utter_form_values"),
        (first, "hotovo", 8),
    ]
    for server, text, expected in turns:
        messages = server.say(sender, text)
        reply = reply_text(messages)
        if isinstance(expected, str):
            said(messages, expected)
        elif expected:
            assert step(reply) == expected, (text, reply)
        else:
            assert "**993**" in reply and said(messages, "utter_offer_resume")["step"] == "2"


def test_concurrent_messages_of_one_conversation_are_taken_one_at_a_time(servers, sender):
    first, second = servers
    said(first.say(sender, "navod na nastaveni posty"), "utter_ask_device")
    assert step(reply_text(second.say(sender, "Windows Phone"))) == 1
    # Five "hotovo" at once, alternately to both servers: each must see the step the previous
    # one left, so the steps answered are 2..6, each once.
    with ThreadPoolExecutor(max_workers=5) as pool:
        replies = list(
            pool.map(lambda n: reply_text((first, second)[n % 2].say(sender, "hotovo")), range(5))
        )
    assert sorted(step(reply) for reply in replies) == [2, 3, 4, 5, 6]
    assert step(reply_text(second.say(sender, "kde jsme skoncili?"))) == 6


def test_conversations_are_stored_in_postgres(servers, postgres, sender):
    import sqlalchemy as sa

    first, _ = servers
    first.say(sender, "jaky port pro pop3")
    engine = sa.create_engine(f"postgresql://helpdesk@127.0.0.1:{postgres.port}/helpdesk")
    with engine.connect() as connection:
        count = connection.execute(
            sa.text("SELECT count(*) FROM events WHERE sender_id = :s AND type_name = 'user'"),
            {"s": sender},
        ).scalar()
    assert count == 1
