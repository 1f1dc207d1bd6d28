"""`make shell`: chat with the bot in the terminal through its REST channel, the guarded path
every customer's message takes (passwords redacted before Rasa sees them; `rasa shell`'s
cmdline channel is not guarded).

With `make run` up, it talks to that bot; otherwise it starts the servers of `make run`
(scripts/run.sh) on ports of their own, so a `make run` started later does not clash. Bold
prints as plain text; buttons are numbered: type the number to press one.

usage: python -m scripts.shell [--url http://localhost:5005]
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List

from channels.markdown import to_plain

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OWN_PORTS = {"RASA_PORT": "5006", "ACTION_PORT": "5056", "WEB_PORT": "8081", "CONSOLE_PORT": "8091"}
START_SECONDS = 300


def say(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"[]")


def up(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).read()
        return True
    except OSError:
        return False


@contextmanager
def bot(url: str) -> Iterator[str]:
    if up(url):
        yield url
        return
    print("Spouštím vlastního bota (asi půl minuty)…", file=sys.stderr)
    own = f"http://localhost:{OWN_PORTS['RASA_PORT']}"
    os.makedirs(os.path.join(ROOT, "var"), exist_ok=True)
    with open(os.path.join(ROOT, "var", "shell.log"), "ab") as log:
        servers = subprocess.Popen(
            ["bash", "scripts/run.sh"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **OWN_PORTS},
        )
    try:
        deadline = time.monotonic() + START_SECONDS
        while not up(own):
            if servers.poll() is not None or time.monotonic() > deadline:
                sys.exit("Bot se nespustil: viz var/shell.log")
            time.sleep(0.5)
        yield own
    finally:
        servers.terminate()  # run.sh stops the servers it started
        servers.wait(timeout=30)


def show(messages: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    """Prints a reply; returns its buttons in the order they were numbered."""
    buttons: List[Dict[str, str]] = []
    for message in messages:
        if message.get("text"):
            print("Bot:", to_plain(message["text"]))
        for button in message.get("buttons") or []:
            buttons.append(button)
            print(f"  {len(buttons)}) {button['title']}")
    return buttons


def typed() -> Iterator[str]:
    prompt = "Vy: " if sys.stdin.isatty() else ""
    while True:
        try:
            yield input(prompt)
        except EOFError:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005")
    url = parser.parse_args().url.rstrip("/")
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    with bot(url) as served:
        print("Pište česky; konec: Ctrl-D.", file=sys.stderr)
        buttons: List[Dict[str, str]] = []
        for line in typed():
            text = line.strip()
            if not text:
                continue
            if text.isdigit() and 0 < int(text) <= len(buttons):
                text = buttons[int(text) - 1]["payload"]
            try:
                buttons = show(say(served, sender, text))
            except (urllib.error.URLError, OSError) as error:
                print(f"Bot neodpovídá ({error}).", file=sys.stderr)


if __name__ == "__main__":
    main()
