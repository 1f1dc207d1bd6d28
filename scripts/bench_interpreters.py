"""Python 3.10 and 3.11 side by side (`make bench-interpreters`), in one run on this machine.

Each interpreter the machine has gets a fresh clone of this checkout (committed state) with its
own venv and an empty Rasa training cache: the install, a full training, then the serving
figures of `make bench` (scripts/bench.py --skip-loop: model load, one user, long messages,
30-turn conversations, 50 concurrent conversations, RSS). The two run one after the other, so
neither loads the other's cores. Writes reports/bench-interpreters.json and prints a table.
A measurement, not a test. Standard library only: it runs before any venv exists.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
# The interpreters the project supports: pyenv's (or the OS's) 3.10, Debian 12's 3.11.
CANDIDATES = (("3.10", "python3.10"), ("3.11", "/usr/bin/python3.11"))


def available() -> List[Tuple[str, str]]:
    found = []
    for version, command in CANDIDATES:
        path = shutil.which(command)
        if not path:
            continue
        said = subprocess.run(
            [path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            cwd=ROOT,  # .python-version: pyenv's shim resolves here
        )
        if said.returncode == 0 and said.stdout.strip() == version:
            found.append((version, path))
    return found


def timed_make(clone: Path, target: str, python: str, env: Dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(
        ["make", "--no-print-directory", "-C", str(clone), target, f"PYTHON={python}"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return round(time.monotonic() - started, 1)


def measure(version: str, python: str, workdir: Path) -> Dict[str, Any]:
    clone = workdir / f"py{version}"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(workdir / f"rasa-cache-{version}")}
    env.pop("PYTHONPATH", None)  # the clone's Makefile sets its own
    result: Dict[str, Any] = {"python": python}
    result["install_s"] = timed_make(clone, ".venv/.installed", python, env)
    timed_make(clone, "build/spacy_cs/meta.json", python, env)
    result["full_training_s"] = timed_make(clone, "models/helpdesk.tar.gz", python, env)
    subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "scripts.bench", "--skip-loop"],
        check=True,
        cwd=clone,
        env={**env, "PYTHONPATH": str(clone)},
        stdout=subprocess.DEVNULL,
    )
    serving = json.loads((clone / "reports" / "bench.json").read_text(encoding="utf-8"))
    serving.pop("loop", None)
    return {**result, **serving}


ROWS = (
    ("install (fresh venv, warm package caches)", lambda r: f"{r['install_s']} s"),
    ("full training (empty training cache)", lambda r: f"{r['full_training_s']} s"),
    ("Rasa start-up (model load)", lambda r: f"{r['rasa_startup_s']} s"),
    ("Rasa server RSS", lambda r: f"{r['rasa_rss_mb']} MB"),
    (
        "one user, 200 messages, p50 / p95",
        lambda r: f"{r['one_user']['p50_ms']} / {r['one_user']['p95_ms']} ms",
    ),
    (
        "2 000-character message, p50 / p95",
        lambda r: (
            f"{r['long_message_2000_chars']['p50_ms']} / "
            f"{r['long_message_2000_chars']['p95_ms']} ms"
        ),
    ),
    (
        "30-turn conversations, p50 / p95",
        lambda r: (
            f"{r['thirty_turn_conversation']['p50_ms']} / "
            f"{r['thirty_turn_conversation']['p95_ms']} ms"
        ),
    ),
    (
        "50 concurrent conversations, p50 / p95",
        lambda r: f"{r['concurrent']['p50_ms']} / {r['concurrent']['p95_ms']} ms",
    ),
    (
        "throughput, errors",
        lambda r: (
            f"{r['concurrent']['throughput_msg_s']} msg/s, "
            f"{r['concurrent']['errors']} of {r['concurrent']['messages']}"
        ),
    ),
)


def main() -> int:
    interpreters = available()
    if not interpreters:
        print("no supported interpreter (python3.10, /usr/bin/python3.11) found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        results = {version: measure(version, path, Path(tmp)) for version, path in interpreters}
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    out = reports / "bench-interpreters.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    versions = list(results)
    print("| figure | " + " | ".join(f"Python {v}" for v in versions) + " |")
    print("| --- |" + " --- |" * len(versions))
    for title, cell in ROWS:
        print(f"| {title} | " + " | ".join(cell(results[v]) for v in versions) + " |")
    print(f"\n(written to {out.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
