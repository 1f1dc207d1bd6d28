"""Facts about the hosting mailbox, read from knowledge.yml (the only place they are written)."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

KNOWLEDGE_FILE = Path(__file__).with_name("knowledge.yml")
SECURITY_CHOICES = ("ssl", "plain")


@lru_cache(maxsize=1)
def load() -> Dict[str, Any]:
    with KNOWLEDGE_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def protocols() -> Dict[str, Dict[str, Any]]:
    return load()["protocols"]


def protocol_label(protocol: str) -> str:
    return protocols()[protocol]["label"]


def security_label(security: str) -> str:
    return load()["security_labels"][security]


def port(protocol: str, security: str) -> int:
    return protocols()[protocol]["ports"][security]


def server(direction: str) -> str:
    return load()["servers"][direction]


def server_for(protocol: str) -> str:
    return server(protocols()[protocol]["direction"])


def protocol_for_port(number: int) -> Optional[Tuple[str, str]]:
    """Which (protocol, security) uses this port, or None when the guide does not use it."""
    for name, spec in protocols().items():
        for security, value in spec["ports"].items():
            if value == number:
                return name, security
    return None


def incoming_protocols() -> List[str]:
    return [name for name, spec in protocols().items() if spec["direction"] == "incoming"]


def recommended_protocol() -> str:
    return load()["recommended_protocol"]


def concrete_protocol(protocol: str) -> str:
    """ "incoming" names no server or label of its own: IMAP and POP3 share the incoming one."""
    return incoming_protocols()[0] if protocol == "incoming" else protocol


def credentials() -> Dict[str, Any]:
    return load()["credentials"]


def smtp_auth_checkboxes() -> List[str]:
    return load()["smtp_auth_checkboxes"]


@dataclass(frozen=True)
class Step:
    """One step of the walkthrough, as knowledge.yml writes it."""

    id: str
    title: str
    text: str
    help: str
    labels: Tuple[str, ...]
    screen: str
    notice: Optional[str] = None
    after_filling: Optional[str] = None  # what is left once the fields are filled
    activity: bool = False  # "jsem u vyplňování": being at this step, not done with it


@lru_cache(maxsize=1)
def steps() -> Tuple[Step, ...]:
    return tuple(
        Step(**{**spec, "labels": tuple(spec.get("labels") or [])}) for spec in load()["steps"]
    )


def step_number(step_id: str) -> int:
    """1-based number of the step with this id."""
    return next(number for number, step in enumerate(steps(), 1) if step.id == step_id)


def direction_label(direction: str, case: str = "nominative") -> str:
    return load()["direction_labels"][direction][case]
