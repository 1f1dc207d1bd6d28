"""One training at a time, from the console: `rasa train` on the project's files, then the
held-out gate of `make test` (`rasa test nlu` on tests/nlu_holdout.yml and
scripts/nlu_report.py --gate). A model that fails the gate is kept with the gate's table and
can never be published."""

import asyncio
import os
import re
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Deque, Dict, List, Optional, Tuple

from console import audit, models

CODE = Path(__file__).resolve().parents[1]  # scripts/nlu_report.py lives here
EPOCHS = re.compile(r"Epochs:\s+(\d+)%")
TRAINING, CHECKING, PASSED, FAILED, ERROR = "trénuje", "kontroluje", "hotovo", "neprošel", "chyba"
FINISHED = {PASSED, FAILED, ERROR}
RASA = [sys.executable, "-m", "rasa"]


@dataclass
class Job:
    email: str
    started: float = field(default_factory=time.time)
    state: str = TRAINING
    percent: int = 0
    lines: Deque[str] = field(default_factory=lambda: deque(maxlen=40))
    model: Optional[int] = None
    finished: Optional[float] = None

    def as_json(self) -> Dict:
        return {
            "state": self.state,
            "email": self.email,
            "percent": self.percent,
            "seconds": int((self.finished or time.time()) - self.started),
            "lines": list(self.lines)[-8:],
            "model": self.model,
            "finished": self.state in FINISHED,
        }


class Trainer:
    def __init__(self, root: Path, database_url: str) -> None:
        self.root = root
        self.database_url = database_url
        self.job: Optional[Job] = None
        self.task: Optional[asyncio.Task] = None

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.state not in FINISHED

    def start(self, email: str) -> bool:
        """False when a training is running already (a second click does not start another)."""
        if self.running:
            return False
        self.job = Job(email)
        self.task = asyncio.get_running_loop().create_task(self._run(self.job))
        return True

    async def _command(self, job: Job, *args: str) -> Tuple[int, List[str]]:
        """Runs a command in the project; its output goes to the job's live lines."""
        process = await asyncio.create_subprocess_exec(
            *args,
            cwd=self.root,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(CODE), "TF_CPP_MIN_LOG_LEVEL": "3"},
        )
        assert process.stdout is not None
        pending, output = "", []
        while chunk := await process.stdout.read(4096):
            pending += chunk.decode(errors="replace")
            *complete, pending = re.split(r"[\r\n]", pending)
            for line in filter(None, (x.strip() for x in complete)):
                job.lines.append(line[:300])
                output.append(line)
                if found := EPOCHS.search(line):
                    job.percent = int(found.group(1))
        return await process.wait(), output

    async def _run(self, job: Job) -> None:
        name = f"console-{time.strftime('%Y%m%d-%H%M%S')}"
        try:
            code, _ = await self._command(
                job, *RASA, "train", "--skip-validation", "--fixed-model-name", name,
                "--out", str(models.OUT),
            )  # fmt: skip
            path = self.root / models.OUT / f"{name}.tar.gz"
            if code != 0 or not path.exists():
                job.state = ERROR
                return
            job.state, job.percent = CHECKING, 100  # (0 % all along when the cache had it)
            passed, report = await self._gate(job, path)
            model = models.add(self.root, path, job.email, passed, report, self.database_url)
            job.model = model.id
            job.state = PASSED if passed else FAILED
            audit.record(
                job.email,
                "trénink",
                f"model #{model.id}: {'prošel' if passed else 'neprošel'} kontrolou kvality",
                model.model_id,
                self.database_url,
            )
        except Exception as error:  # shown to staff: a training never stops silently
            job.lines.append(f"{type(error).__name__}: {error}")
            job.state = ERROR
        finally:
            job.finished = time.time()

    async def _gate(self, job: Job, path: Path) -> tuple:
        with tempfile.TemporaryDirectory() as results:
            await self._command(
                job, *RASA, "test", "nlu", "-m", str(path), "--nlu", "tests/nlu_holdout.yml",
                "--out", results,
            )  # fmt: skip
            code, report = await self._command(
                job, sys.executable, str(CODE / "scripts" / "nlu_report.py"), results, "--gate"
            )
        return code == 0, "\n".join(report)
