"""Realistic customer conversations (tests/conversations/) against the running bot: at least
95 % of turns answered as a competent agent would, and not one wrong port or server."""

import pytest

from tests.conversations.evaluate import load_cases, play, reply_text

pytestmark = pytest.mark.e2e
TURN_GATE = 0.95


def test_realistic_conversations(stack):
    score = play(lambda sender, text: reply_text(stack.say(sender, text)), load_cases())
    report = score.table() + "\n" + "\n".join(score.failures)
    print(report)
    assert not score.fact_errors, "\n".join(score.fact_errors)
    assert score.correct / score.total >= TURN_GATE, report
