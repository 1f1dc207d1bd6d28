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


class Training:
    """`rasa train` as `make train` runs it, in `project`, in the background."""

    def __init__(self, project: Path) -> None:
        self.log = project / "train.log"
        self.started = time.monotonic()
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [
                    RASA,
                    "train",
                    "--skip-validation",
                    "--fixed-model-name",
                    "helpdesk",
                    "--out",
                    "models",
                ],
                cwd=project,
                env={**os.environ, "PYTHONPATH": str(ROOT)},  # our NLU component and policy
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.model = project / "models" / "helpdesk.tar.gz"

    def wait(self) -> float:
        """Seconds from the start to the trained model."""
        code = self.process.wait()
        assert code == 0, self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        return time.monotonic() - self.started


def train(project: Path) -> float:
    return Training(project).wait()


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
