"""Facts about the hosting mailbox, read from knowledge.yml (the only place they are written)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Set, Tuple

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


def our_servers() -> Set[str]:
    """Our server names, lower-case (a name the customer typed is compared with them)."""
    return {server(direction).lower() for direction in ("incoming", "outgoing")}


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


def adjacent_answers() -> Dict[str, str]:
    """The lexicon entry of each topic next to the setup that has an answer, and the answer."""
    return dict(load()["adjacent_answers"])


def status_page() -> str:
    """Where the provider says whether its mail service has an outage."""
    return str(load()["status_page"])


def username(address: Optional[str] = None) -> str:
    """The user name, as a sentence names it: "celá e-mailová adresa (například …)", or the
    customer's own address when they wrote it."""
    names = credentials()["username"]
    return names["own"].format(address=address) if address else str(names["nominative"])


def public_mail_domains() -> FrozenSet[str]:
    return frozenset(load()["public_mail_domains"])


def smtp_auth_checkboxes() -> List[str]:
    """The seed's two Windows Phone check boxes (named in the guide's own words)."""
    return load()["smtp_auth_checkboxes"]


@dataclass(frozen=True)
class Then:
    """A step's second action, on the screen its first one opens ("Přidat účet", then „Jiný“)."""

    labels: Tuple[str, ...]
    text: str  # the second action alone, said to someone who did the first
    screen: str = ""  # the screen the second action is done on (the first one opens it)


@dataclass(frozen=True)
class Step:
    """One step of a device's walkthrough, as knowledge.yml writes it."""

    id: str
    title: str
    text: str
    help: str
    labels: Tuple[str, ...]
    screen: str
    notice: Optional[str] = None
    after_filling: Optional[str] = None  # what is left once the fields are filled
    activity: bool = False  # "jsem u vyplňování": being at this step, not done with it
    opens: Optional[str] = None  # the place the step opens, on folded text: being there is it done
    then: Optional[Then] = None
    # shown in one go with the next step: a tap on the way ("Otevřete Gmail" with "Profilový
    # obrázek"), or a screen past the provider list, so the form's values come with it
    with_next: bool = False
    # the screen lists the big providers (Google, Outlook…) and the hosting mailbox is the
    # "other" choice: one of them chosen leads to that provider's own sign-in
    providers: bool = False


@dataclass(frozen=True)
class Guide:
    """How one phone or program is set up, and where its settings are (knowledge.yml `guides`)."""

    id: str
    name: str  # "iPhone a iPad (Mail)"
    short: str  # "iPhone / iPad": a button's title
    where: str  # "v iPhonu nebo iPadu": the locative, "in it"
    path: str  # "nastavení → … → servery": the way to the account form in one line
    kind: str  # phone / computer
    aliases: "re.Pattern[str]"  # the device named, on folded text
    open_account: str  # how to reach an added account's server settings
    smtp_auth: str  # where SMTP authentication is switched on (after open_account)
    auth_switch: str  # the same as a clause: "zaškrtněte …"
    ssl_port: str  # where SSL and the ports are set
    steps: Tuple[Step, ...]
    profile: bool = False  # an Apple configuration profile sets it up in one tap
    autoconfig: bool = False  # reads Mozilla autoconfig (the domain's config-v1.1.xml)
    # the add-account form has no SMTP log-in switch: it is set on the added account
    auth_after_adding: bool = False
    refines: Tuple[str, ...] = ()  # guides this one is a special case of (Samsung: Android)
    # the program itself named ("poštu čtu v Gmailu"): wins over the phone it runs on
    program: Optional["re.Pattern[str]"] = None
    smtp_auth_en: str = ""  # smtp_auth, in English (for a customer who writes in English)
    short_en: str = ""  # short, in English where the Czech one is words ("Nový Outlook")
    # where an added account's password is retyped, when that is not where SSL and ports are
    password_place: str = ""
    # the added account's page opens with other settings; where its servers are below them
    below_sync: str = ""
    keep_copy: str = ""  # where a POP3 account keeps a copy of the messages on the server

    def step_number(self, step_id: str) -> int:
        """1-based number of the step with this id."""
        return next(number for number, step in enumerate(self.steps, 1) if step.id == step_id)

    def provider_step(self) -> Optional[int]:
        """1-based number of the step with the providers' list, if the guide has one."""
        return next((n for n, step in enumerate(self.steps, 1) if step.providers), None)

    def shown_with(self, number: int) -> int:
        """The last step shown in one message with step `number`: the steps marked
        `with_next` after it, at most up to the account form (its values end a message)."""
        form = self.step_number(FORM_STEP_ID)
        last = number
        while last < form and self.steps[last - 1].with_next:
            last += 1
        return last

    def message_start(self, number: int) -> int:
        """The first step of the message that ends at step `number` (itself when alone)."""
        start = number
        while (
            start > 1 and self.steps[start - 2].with_next and self.shown_with(start - 1) >= number
        ):
            start -= 1
        return start

    def stops(self) -> Tuple[int, ...]:
        """The steps the walkthrough stands at, message by message, when every step is done."""
        stops = [self.shown_with(1)]
        while stops[-1] < len(self.steps):
            stops.append(self.shown_with(stops[-1] + 1))
        return tuple(stops)


GUIDE_FIELDS = {
    "name",
    "short",
    "where",
    "path",
    "kind",
    "open_account",
    "smtp_auth",
    "auth_switch",
    "ssl_port",
}


def _then(spec: Optional[Dict[str, Any]]) -> Optional[Then]:
    return (
        Then(labels=tuple(spec["labels"]), text=spec["text"], screen=spec.get("screen", ""))
        if spec
        else None
    )


@lru_cache(maxsize=1)
def guides() -> Dict[str, Guide]:
    loaded = {}
    for guide_id, spec in load()["guides"].items():
        loaded[guide_id] = Guide(
            id=guide_id,
            aliases=re.compile(r"\b(?:" + "|".join(spec["aliases"]) + r")\b"),
            steps=tuple(
                Step(
                    **{
                        **step,
                        "labels": tuple(step.get("labels") or []),
                        "then": _then(step.get("then")),
                    }
                )
                for step in spec["steps"]
            ),
            profile=bool(spec.get("profile")),
            autoconfig=bool(spec.get("autoconfig")),
            auth_after_adding=bool(spec.get("auth_after_adding")),
            refines=tuple(spec.get("refines") or []),
            program=re.compile(rf"\b(?:{spec['program']})\b") if spec.get("program") else None,
            smtp_auth_en=spec.get("smtp_auth_en", ""),
            short_en=spec.get("short_en", ""),
            password_place=spec.get("password_place", ""),
            below_sync=spec.get("below_sync", ""),
            keep_copy=spec.get("keep_copy", ""),
            **{name: spec[name] for name in GUIDE_FIELDS},
        )
    return loaded


SENDING_DEVICE = "sending_device"  # a printer or scanner that e-mails: knowledge.yml's places


def places(device: Optional[str]) -> Dict[str, str]:
    """Where things are in this device (its guide), or said for any device when not known."""
    password_place = ""  # where the password is retyped: where SSL and the ports are, unless told
    if device == SENDING_DEVICE:
        found = dict(load()[SENDING_DEVICE])
    elif device in guides():
        spec = guides()[device]
        found = {
            name: getattr(spec, name)
            for name in ("where", "open_account", "smtp_auth", "auth_switch", "ssl_port")
        }
        password_place = spec.password_place
    else:
        found = dict(load()["any_device"])
        password_place = found.pop("password_place", "")
    return {**found, "password_place": password_place or found["ssl_port"]}


def guide(device: Optional[str] = None) -> Guide:
    """The device's guide; the seed's (Windows Phone) when the device is not known."""
    return guides().get(device or "", guides()[load()["default_guide"]])


def steps(device: Optional[str] = None) -> Tuple[Step, ...]:
    return guide(device).steps


FORM_STEP_ID = "account_form"  # every guide has it: the step that shows the values


def form_step(device: Optional[str] = None) -> int:
    """1-based number of the device's account form (server, ports, log-in)."""
    return guide(device).step_number(FORM_STEP_ID)


def step_number(step_id: str, device: Optional[str] = None) -> int:
    """1-based number of the step with this id."""
    return guide(device).step_number(step_id)


def direction_label(direction: str, case: str = "nominative") -> str:
    return load()["direction_labels"][direction][case]
