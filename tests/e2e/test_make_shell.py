"""`make shell` with no bot up: it starts the servers of `make run` (scripts/run.sh) on ports of
their own, the action server included, and chats through the guarded REST channel."""

import os
import subprocess

import pytest

from tests.stack import PYTHON, ROOT

pytestmark = pytest.mark.e2e


def test_with_no_bot_up_it_starts_one_on_its_own_ports_and_answers():
    typed = "jaky port pro imap se ssl\nmoje heslo je Zelenina77\n"
    done = subprocess.run(
        [PYTHON, "-m", "scripts.shell", "--url", "http://localhost:5999"],  # nothing there
        input=typed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        # as a developer's shell has it: the tests' own tracker store is not `make run`'s
        env={k: v for k, v in os.environ.items() if k != "ENDPOINTS"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answers = done.stdout.split("Bot: ")
    assert "993" in answers[1]  # the action server on its port answered, not an apology
    assert "Zelenina77" not in done.stdout and "Heslo" in answers[-1]
