"""Start the real action server and Rasa server (end-to-end tests, benchmark) on ports of their own."""

import json
import os
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from scripts.credentials import write as write_credentials
from tests.polling import wait_until

ROOT = Path(__file__).resolve().parents[1]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MODEL = ROOT / "models" / "helpdesk.tar.gz"
TRACKER_STORE = "stores.cached_sql.CachedSQLTrackerStore"


def _get(url: str, timeout: float = 2.0) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def wait_until_up(
    url: str, seconds: float = 180.0, process: Optional[subprocess.Popen] = None
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process and process.poll() is not None:
            raise RuntimeError(
                f"the server for {url} exited with {process.returncode}: see its log"
            )
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {seconds:.0f} s")


class Stack:
    """An action server and a Rasa server with a SQLite tracker store in `workdir`, and the
    widget page when `web_port` is given. `env` adds to the environment of both servers
    (Slack settings: see scripts/credentials.py). Handoff records go to the tracker store's
    database, as the ENDPOINTS file both servers are given says."""

    def __init__(
        self,
        workdir: Path,
        rasa_port: int = 5105,
        action_port: int = 5155,
        web_port: Optional[int] = None,
        env: Optional[Mapping[str, str]] = None,
        debug: bool = False,
        endpoints: Optional[Path] = None,
        api_token: Optional[str] = None,
        model: Path = MODEL,
    ) -> None:
        self.workdir = workdir
        self.model = model
        workdir.mkdir(parents=True, exist_ok=True)
        self.rasa_port = rasa_port
        self.action_port = action_port
        self.web_port = web_port
        self.debug = debug  # Rasa's debug log: the most a log may ever hold of a message
        self.env = dict(
            os.environ,
            PYTHONPATH=str(ROOT),
            PYTHONUNBUFFERED="1",  # logs on disk as they happen (tests read them)
        )
        if web_port:  # the widget page's origin, for --cors and the socket (scripts/credentials.py)
            self.env["CORS_ORIGINS"] = f"http://localhost:{web_port}"
        if api_token:  # Rasa's HTTP API, the token handed over by scripts/serve.py
            self.env["RASA_API_TOKEN"] = api_token
        self.env.update(env or {})
        self.credentials = workdir / "credentials.yml"
        write_credentials(self.credentials, self.env)
        self.api_token = api_token  # enables Rasa's HTTP API, with this token
        self.db = workdir / "tracker.db"
        self.endpoints = endpoints or workdir / "endpoints.yml"
        self.env["ENDPOINTS"] = str(self.endpoints)  # the action server's handoff records, too
        if not endpoints:
            self.endpoints.write_text(
                f"action_endpoint:\n  url: http://localhost:{action_port}/webhook\n"
                f"tracker_store:\n  type: {TRACKER_STORE}\n  dialect: sqlite\n  db: {self.db}\n",
                encoding="utf-8",
            )
        self.actions: Optional[subprocess.Popen] = None
        self.rasa: Optional[subprocess.Popen] = None
        self.web: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"http://localhost:{self.rasa_port}/webhooks/rest/webhook"

    def _spawn(self, name: str, args: List[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - the server's, while it runs
        return subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=self.env)

    def start_actions(self) -> None:
        self.actions = self._spawn(
            "actions",
            [RASA, "run", "actions", "--actions", "actions", "--port", str(self.action_port)],
        )
        wait_until_up(f"http://localhost:{self.action_port}/health", process=self.actions)

    @property
    def page(self) -> str:
        return f"http://localhost:{self.web_port}/?bot=http://localhost:{self.rasa_port}"

    def start_rasa(self) -> None:
        cors = ["--cors", *self.env["CORS_ORIGINS"].split()] if self.env.get("CORS_ORIGINS") else []
        self.rasa = self._spawn(
            "rasa",
            [
                PYTHON,
                "-m",
                "scripts.serve",
                "run",
                "-m",
                str(self.model),
                "--port",
                str(self.rasa_port),
                "--credentials",
                str(self.credentials),
                "--endpoints",
                str(self.endpoints),
                *cors,
                *(["--debug"] if self.debug else []),
            ],
        )
        wait_until_up(f"http://localhost:{self.rasa_port}/", process=self.rasa)

    def start_web(self) -> None:
        self.web = self._spawn(
            "web",
            [PYTHON, "-m", "http.server", str(self.web_port), "--directory", "web"],
        )
        wait_until_up(f"http://localhost:{self.web_port}/", process=self.web)

    def start(self) -> "Stack":
        try:
            self.start_actions()
            self.start_rasa()
            if self.web_port:
                self.start_web()
        except BaseException:
            self.stop()  # no server left behind on the ports of the next run
            raise
        return self

    def stop_actions(self) -> None:
        self.actions.terminate()
        self.actions.wait(timeout=20)

    def kill_rasa(self) -> None:
        """kill -9 the Rasa server, as a crash would."""
        self.rasa.kill()
        self.rasa.wait(timeout=20)

    def stop(self) -> None:
        for process in (self.web, self.rasa, self.actions):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()

    def handoff_record(
        self, conversation: Optional[str] = None, number: Optional[int] = None
    ) -> Dict[str, Any]:
        """The newest handoff record of a conversation (or by number) once its Slack post is
        stored: the post leaves in the background."""

        def stored() -> Optional[Dict[str, Any]]:
            with sqlite3.connect(self.db) as db:
                db.row_factory = sqlite3.Row
                query, value = ("conversation_id", conversation) if conversation else ("id", number)
                row = db.execute(
                    f"SELECT * FROM handoffs WHERE {query} = ? ORDER BY id DESC", (value,)
                ).fetchone()
            return dict(row) if row and row["slack_ts"] else None

        return wait_until(stored, what=f"a handoff with a Slack post for {conversation or number}")

    def say(self, sender: str, text: Any) -> List[Dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"[]")


def reply_text(messages: List[Dict[str, Any]]) -> str:
    """Texts and button titles of a reply, as the customer sees them."""
    parts = []
    for message in messages:
        parts.append(message.get("text") or "")
        parts.extend(button["title"] for button in message.get("buttons") or [])
    return "\n".join(parts)
