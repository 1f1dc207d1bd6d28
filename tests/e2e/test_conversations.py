"""Realistic customer conversations (tests/conversations/) against the running bot: at least
95 % of turns answered as a competent agent would, and not one wrong port or server."""

import pytest

from tests.conversations.evaluate import load_cases, play, reply_text

pytestmark = pytest.mark.e2e
TURN_GATE = 0.95


# Every turn plays in process in `make unit` (tests/test_conversations_inprocess.py, the same
# action code, model and channel guard); through REST every third conversation of each kind
# proves the servers answer the same, in a third of the time.
SHARE = 3


def test_realistic_conversations(stack):
    cases = load_cases()
    sample = [
        case for kind in sorted({c["kind"] for c in cases}) for case in _of(cases, kind)[::SHARE]
    ]
    score = play(lambda sender, text: reply_text(stack.say(sender, text)), sample)
    report = score.table() + "\n" + "\n".join(score.failures)
    print(report)
    assert not score.fact_errors, "\n".join(score.fact_errors)
    assert score.correct / score.total >= TURN_GATE, report


def _of(cases, kind):
    return [case for case in cases if case["kind"] == kind]
