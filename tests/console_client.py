"""The staff console started as `make run` starts it (its own process and port), on a copy of
the project and a tracker database of the test's own, and a browser-like client for it."""

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Dict, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ["data", "domain.yml", "tests/nlu_holdout.yml", "tests/test_stories.yml"]
CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def project_copy(path: Path, git: bool = False, trainable: bool = False) -> Path:
    """The files the console edits, in `path` (a git checkout when `git`); with `trainable`,
    also what `rasa train` reads there and the trained model (`make train`'s)."""
    for part in PROJECT_PARTS + (["config.yml", "models/helpdesk.tar.gz"] if trainable else []):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, path / part)
        else:
            (path / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, path / part)
    if trainable:
        (path / "build").symlink_to(ROOT / "build")
    if git:

        def run(*args: str) -> None:
            subprocess.run(["git", "-C", str(path), *args], check=True, capture_output=True)

        run("init", "-q")
        run("add", "-A")
        run("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "start")
    return path


class Console:
    def __init__(
        self,
        project: Path,
        endpoints: Path,
        port: Optional[int] = None,
        env: Optional[Dict[str, str]] = None,
    ) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "ENDPOINTS": str(endpoints),
            "CONSOLE_PORT": str(self.port),
            "CONSOLE_HOST": "127.0.0.1",
            "CONSOLE_PROJECT": str(project),
            "CONSOLE_SECRET": "test-secret-" + project.name,
            "CONSOLE_MODEL_TOKEN": "test-model-token",
            "CONSOLE_BOT_URL": "http://127.0.0.1:9",  # no bot, unless a test gives one
            **(env or {}),
        }
        env.pop("RASA_API_TOKEN", None)
        self.log = project / "console.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "console"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/prihlaseni", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError("the console did not start:\n" + self.log.read_text())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies kept, redirects not followed: each answer is seen as it is."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self, path: str, form: Optional[Dict] = None, headers: Optional[Dict] = None
    ) -> Tuple[int, Message, str]:
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf(self, path: str) -> str:
        status, _, body = self.request(path)
        assert status == 200, (path, status)
        found = CSRF.search(body)
        assert found, f"no CSRF token on {path}"
        return html.unescape(found.group(1))

    def log_in(self, email: str, password: str) -> Tuple[int, Message, str]:
        token = self.csrf("/prihlaseni")
        return self.request("/prihlaseni", {"csrf": token, "email": email, "heslo": password})

    def post(self, path: str, form: Dict, page: str = "/otazky") -> Tuple[int, Message, str]:
        """A form of `page` sent as the browser sends it, with the page's CSRF token."""
        return self.request(path, {"csrf": self.csrf(page), **form})

    def cookie(self, name: str):
        return next((c for c in self.cookies if c.name == name), None)
