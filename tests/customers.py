"""Test support: a copy of the project to change and train (what `make intent` + `make train`
do, without touching the real one), and customers writing without a pause while something
happens to the server (a model swap): every failure and every answer's time are kept."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import List

from tests.stack import RASA, ROOT, Stack, reply_text

MODEL_INPUTS = ("config.yml", "domain.yml", "tests/test_stories.yml", "tests/nlu_holdout.yml")
QUESTION, FACT = "jaky port pro imap se ssl", "993"


def project_copy(dest: Path) -> Path:
    """What training reads (data, config, domain) and what `make intent` writes; our NLU
    component and the spaCy language come from the project itself."""
    shutil.copytree(ROOT / "data", dest / "data")
    (dest / "tests").mkdir()
    for name in MODEL_INPUTS:
        shutil.copy(ROOT / name, dest / name)
    (dest / "build").symlink_to(ROOT / "build")
    return dest


def train(project: Path) -> float:
    """`rasa train` as `make train` runs it, in `project`; its duration in seconds."""
    started = time.monotonic()
    done = subprocess.run(
        [RASA, "train", "--skip-validation", "--fixed-model-name", "helpdesk", "--out", "models"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # our NLU component and policy
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return time.monotonic() - started


class Customers(threading.Thread):
    """Customers asking one after another until stopped."""

    def __init__(self, stack: Stack, conversations: int = 5) -> None:
        super().__init__(daemon=True)
        self.stack, self.conversations = stack, conversations
        self.stopping = threading.Event()
        self.answered_at: List[float] = []
        self.latencies: List[float] = []
        self.failures: List[str] = []

    def run(self) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            started = time.monotonic()
            try:
                reply = reply_text(self.stack.say(f"customer-{n % self.conversations}", QUESTION))
                if FACT not in reply:
                    self.failures.append(f"request {n}: {reply!r}")
                self.answered_at.append(time.monotonic())
                self.latencies.append(time.monotonic() - started)
            except (OSError, ValueError) as error:
                self.failures.append(f"request {n}: {error}")

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=60)
