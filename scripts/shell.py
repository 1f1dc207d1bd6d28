"""`make shell`: chat with the bot in the terminal through its REST channel, the guarded path
every customer's message takes (passwords redacted before Rasa sees them; `rasa shell`'s
cmdline channel is not guarded).

With `make run` up, it talks to that bot; otherwise it starts its own action server and Rasa
server on ports of their own (conversations in var/shell/), so the two never clash. Bold
prints as plain text; buttons are numbered: type the number to press one.

usage: python -m scripts.shell [--url http://localhost:5005]
"""
import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List

from channels.markdown import to_plain
from scripts.stack import ROOT, Stack

OWN_RASA_PORT, OWN_ACTION_PORT = 5006, 5056


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
    print("Spouštím vlastního bota (asi minutu)…", file=sys.stderr)
    stack = Stack(ROOT / "var" / "shell", rasa_port=OWN_RASA_PORT, action_port=OWN_ACTION_PORT)
    stack.start()
    try:
        yield f"http://localhost:{OWN_RASA_PORT}"
    finally:
        stack.stop()


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
