"""After `make train`: the bot of `make run`, when it is up, serves the new model without a
restart (Rasa's `PUT /model` with the API token; scripts/serve.py loads it beside the old one,
so no conversation waits or is dropped). With no bot up there is nothing to do: `make run`
loads the model at its start.

The token is RASA_API_TOKEN, else the one `make run` keeps in var/api_token.
usage: python -m scripts.swap_model [--model models/helpdesk.tar.gz] [--url http://localhost:5005]
"""

import argparse
import json
import os
import sys
import tarfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Optional

ROOT = Path(__file__).resolve().parents[1]
TOKEN_FILE = ROOT / "var" / "api_token"
LOAD_SECONDS = 300  # a cold load on 2 busy cores takes well under a minute


def api_token() -> str:
    if os.environ.get("RASA_API_TOKEN"):
        return os.environ["RASA_API_TOKEN"]
    return TOKEN_FILE.read_text(encoding="utf-8").strip() if TOKEN_FILE.exists() else ""


def model_id(model: Path) -> str:
    """The id Rasa's /status reports for a model: its metadata.json, read without Rasa."""
    with tarfile.open(model) as archive:
        member = next(m for m in archive.getmembers() if m.name.lstrip("/") == "metadata.json")
        return json.load(archive.extractfile(member))["model_id"]  # type: ignore[arg-type]


def call(url: str, token: str, method: str = "GET", body: Optional[Dict[str, Any]] = None) -> Any:
    request = urllib.request.Request(
        f"{url}?token={token}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=LOAD_SECONDS) as response:
        payload = response.read()
    return json.loads(payload) if payload else None


def pulls_from_console(url: str) -> bool:
    """The bot of `make run` on this port pulls its model (scripts/run.sh writes this file)."""
    port = url.rstrip("/").rsplit(":", 1)[-1]
    endpoints = ROOT / "var" / f"endpoints-run-{port}.yml"
    return endpoints.exists() and "\nmodels:" in endpoints.read_text(encoding="utf-8")


def swap(model: Path, url: str, token: str) -> str:
    """What happened, in one Czech sentence; raises when the running bot refused the model."""
    try:
        status = call(f"{url}/status", token)
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            raise RuntimeError(
                f"bot na {url} odmítl token API ({error.code}): nastavte RASA_API_TOKEN "
                "jako při `make run`"
            ) from error
        raise
    except OSError:
        return f"Model {model} je připraven; `make run` ho načte při startu."
    if status.get("model_id") == model_id(model):
        return f"Bot na {url} už tento model používá."
    if pulls_from_console(url):
        # `make run`'s Rasa pulls its model from the staff console, which serves this newer
        # model now; a PUT would give Rasa an agent the pulling no longer updates
        return f"Bot na {url} si nový model stáhne z konzole během několika sekund (bez restartu)."
    started = time.monotonic()
    call(f"{url}/model", token, "PUT", {"model_file": str(model.resolve())})
    return f"Bot na {url} odpovídá novým modelem (výměna za {time.monotonic() - started:.0f} s, bez restartu)."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "helpdesk.tar.gz")
    parser.add_argument("--url", default=f"http://localhost:{os.environ.get('RASA_PORT', '5005')}")
    args = parser.parse_args()
    try:
        print(swap(args.model, args.url.rstrip("/"), api_token()))
    except (RuntimeError, OSError) as error:
        print(f"make train: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
