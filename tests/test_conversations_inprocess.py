"""The realistic conversation set (tests/conversations/) played in this process against the
trained model and the action code (tests/inprocess.py): every turn answered as a competent
agent would and not one wrong port or server. The same set plays through REST in the e2e run."""

import pytest

from tests.conversations.evaluate import load_cases, play, reply_text
from tests.inprocess import MODEL, InProcessBot


@pytest.fixture(scope="module")
def bot():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: `make unit` trains it first")
    return InProcessBot()


def test_the_conversation_set_in_process(bot):
    score = play(lambda sender, text: reply_text(bot.say(sender, text)), load_cases())
    report = score.table() + "\n" + "\n".join(score.failures)
    assert not score.fact_errors, "\n".join(score.fact_errors)
    assert score.correct == score.total, report


def test_each_bot_message_names_the_route_that_said_it(bot):
    bot.say("routes-1", "jaký port pro IMAP se SSL?")
    bot.say("routes-1", "heslo mám Kvetina77 a odesílání hlásí chybu ověření")
    routes = [
        event.metadata.get("route")
        for event in bot.tracker("routes-1").events
        if event.type_name == "bot"
    ]
    assert routes[0] == "questions"
    assert routes[1] == "password" and "problem" in routes[2:]
