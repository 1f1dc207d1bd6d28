"""Helpers for action unit tests: trackers as Rasa sends them, replies rendered as users see them."""

import re
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"{([^{}\"\s]+)}")
SDK_FIELDS = {
    "text",
    "image",
    "buttons",
    "elements",
    "custom",
    "template",
    "response",
    "attachment",
}


def use_tracker_db(path: Path, monkeypatch) -> Path:
    """Points the endpoints (ENDPOINTS) at a SQLite tracker store in `path`."""
    endpoints = path.parent / f"endpoints-{path.stem}.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {path}\n", encoding="utf-8"
    )
    monkeypatch.setenv("ENDPOINTS", str(endpoints))
    return path


@pytest.fixture(autouse=True)
def handoff_db(tmp_path, monkeypatch):
    """Handoff records of a test go to a tracker database of its own; no Slack unless a test
    says so."""
    path = use_tracker_db(tmp_path / "tracker.db", monkeypatch)
    for name in ("SLACK_TOKEN", "SLACK_SUPPORT_CHANNEL", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def make_tracker(
    text: str,
    intent: str,
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    ranking: Optional[List[Dict[str, Any]]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }
    return Tracker("test-user", slots or {}, latest, events or [], False, None, {}, "action_listen")


def user_event(text: str, intent: str, channel: str = "rest") -> Dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "input_channel": channel,
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": []},
    }


def bot_event(text: str) -> Dict[str, Any]:
    return {"event": "bot", "text": text}


def entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value}


def render(messages: List[Dict[str, Any]], domain: Dict[str, Any]) -> List[str]:
    """Each collected message as the customer reads it: the domain response with its
    placeholders filled from the action's values, plus button titles. Fails on a placeholder
    the action left empty."""
    rendered = []
    for message in messages:
        if message.get("response"):
            variants = domain["responses"][message["response"]]
            template = variants[0]
            text = template.get("text", "")

            def fill(match: "re.Match", message: Dict[str, Any] = message) -> str:
                key = match.group(1)
                # `text`, `image`... are the dispatcher's own fields, never template values.
                assert key in message and key not in SDK_FIELDS, (
                    f"{message['response']}: no value for {{{key}}}"
                )
                return str(message[key])

            text = PLACEHOLDER.sub(fill, text)
            buttons = (template.get("buttons") or []) + (message.get("buttons") or [])
        else:
            text = message.get("text") or ""
            buttons = message.get("buttons") or []
        titles = " | ".join(button["title"] for button in buttons)
        rendered.append(f"{text}\n[{titles}]" if titles else text)
    return rendered


def run_action(action, tracker: Tracker, domain: Dict[str, Any]):
    """(rendered replies, events) of one action run."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, domain)
    return render(dispatcher.messages, domain), events


def shown(domain, response, **values):
    """A domain response with these values, as the customer reads it."""
    return render([{"response": response, **values}], domain)[0]
