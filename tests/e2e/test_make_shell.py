"""`make shell` with no bot up: it starts the servers of `make run` (scripts/run.sh) on ports of
their own, the action server included, and chats through the guarded REST channel."""

import pytest

pytestmark = pytest.mark.e2e


def test_with_no_bot_up_it_starts_one_on_its_own_ports_and_answers(shell_run):
    # (run in the background from the session's start: tests/e2e/conftest.py shell_session)
    done = shell_run
    assert done.returncode == 0, done.stderr[-2000:]
    answers = done.stdout.split("Bot: ")
    assert "993" in answers[1]  # the action server on its port answered, not an apology
    assert "Zelenina77" not in done.stdout and "Heslo" in answers[-1]
