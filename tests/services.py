"""Throwaway PostgreSQL and Redis servers from the Debian packages, for the multi-server test
(`make test-scale`). Each lives in a directory of its own and is gone when stopped."""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List, Optional


def _as_postgres(args: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root; the Debian package brings the `postgres` user."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def postgres_bin(name: str) -> str:
    installed = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))  # Debian keeps them here
    found = shutil.which(name) or (installed[-1] if installed else None)
    if not found:
        raise FileNotFoundError(f"{name} not found: install Debian's postgresql (`.ci/run` does)")
    return found


class Postgres:
    def __init__(self, port: int) -> None:
        self.port = port
        # Not under pytest's tmp dirs: the postgres user cannot enter those.
        self.data = Path(tempfile.mkdtemp(prefix="helpdesk-pg-"))

    def start(self) -> "Postgres":
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    postgres_bin("initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "helpdesk",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [
                    postgres_bin("pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-w",
                    "-l",
                    str(self.data / "server.log"),
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return self

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(self.data, ignore_errors=True)


class Redis:
    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = workdir
        self.port = port
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Redis":
        server = shutil.which("redis-server")
        if not server:
            raise FileNotFoundError(
                "redis-server not found: install Debian's redis-server (`.ci/run` does)"
            )
        self.process = subprocess.Popen(
            [
                server,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while (
            subprocess.run(
                [shutil.which("redis-cli") or "redis-cli", "-p", str(self.port), "ping"],
                capture_output=True,
            ).stdout.strip()
            != b"PONG"
        ):
            if time.monotonic() > deadline:
                raise TimeoutError("redis did not start")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=20)
