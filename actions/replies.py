"""Values that fill the {placeholders} of domain.yml responses, built from the knowledge file."""

import re
from typing import Any, Dict, List, Optional, Sequence

from actions import knowledge


def protocol_values(protocol: str) -> Dict[str, Any]:
    spec = knowledge.protocols()[protocol]
    return {
        "protocol_label": spec["label"],
        "direction": knowledge.direction_label(spec["direction"]),
        "direction_genitive": knowledge.direction_label(spec["direction"], "genitive"),
        "server": knowledge.server(spec["direction"]),
        "port_ssl": spec["ports"]["ssl"],
        "port_plain": spec["ports"]["plain"],
    }


def port_table(
    english: bool = False, security: Optional[str] = None, protocols: Sequence[str] = ()
) -> str:
    """One Markdown line per protocol: "- IMAP (příchozí pošta): **993** se SSL, **143** bez SSL"
    (in English for a customer who wrote in English; only one SSL choice's port when given;
    only the protocols named, when named)."""
    labels = knowledge.load()["english"] if english else knowledge.load()
    choices = [security] if security else list(knowledge.SECURITY_CHOICES)
    lines = []
    for name, spec in knowledge.protocols().items():
        if protocols and name not in protocols:
            continue
        ports = ", ".join(
            f"**{spec['ports'][choice]}** {labels['security_labels'][choice]}" for choice in choices
        )
        direction = _nominative(labels["direction_labels"][spec["direction"]])
        lines.append(f"- {spec['label']} ({direction}): {ports}")
    return "\n".join(lines)


def _nominative(label: Any) -> str:
    return label["nominative"] if isinstance(label, dict) else label


def settings_values(protocol: str) -> Dict[str, Any]:
    smtp = knowledge.protocols()["smtp"]["ports"]
    credentials = knowledge.credentials()
    auth_required, auth_same_login = knowledge.smtp_auth_checkboxes()
    return {
        **protocol_values(protocol),
        "incoming_server": knowledge.server("incoming"),
        "outgoing_server": knowledge.server("outgoing"),
        "smtp_ssl": smtp["ssl"],
        "smtp_plain": smtp["plain"],
        "username": credentials["username"]["nominative"],
        "password": credentials["password"],
        "auth_required": auth_required,
        "auth_same_login": auth_same_login,
    }


def chosen_values(protocol: str, security: str) -> Dict[str, Any]:
    """The account's values for one account type and SSL choice (the form's, one port each)."""
    return {
        **settings_values(protocol),
        "security_label": knowledge.security_label(security),
        "incoming_port": knowledge.port(protocol, security),
        "outgoing_port": knowledge.port("smtp", security),
        "username": knowledge.username(),
    }


def device_values(device: Optional[str]) -> Dict[str, Any]:
    """The places the responses name ({auth_switch}, {open_account}…), in the customer's device."""
    places = knowledge.places(device)
    known = knowledge.guides().get(device or "")
    return {
        "device_name": known.name if known else "Vaše zařízení",
        "device_short": known.short if known else "zařízení",
        "device_where": places["where"],
        "device_path": known.path if known else "",
        "open_account": places["open_account"],
        "smtp_auth_how": places["smtp_auth"],
        "auth_switch": places["auth_switch"],
        "ssl_port_where": places["ssl_port"],
        "password_where": places["password_place"],
    }


def with_device(messages: List[Dict[str, Any]], device: Optional[str]) -> None:
    """Every response of the turn may name a place: it is named in the customer's device."""
    values = device_values(device)
    for message in messages:
        if message.get("response"):
            for name, value in values.items():
                message.setdefault(name, value)


# "…zaškrtávátka, že příchozí i odchozí server vyžaduje SSL, mám je zaškrtnout?": the SSL boxes
# (two boxes, not "zaškrtávátko použít TLS – zaškrtnout a dát 465?": one box, SSL or not)
_BOXES = r"\b(zaskrtavatka|zaskrtavatek|zaskrtavaci (policka|ctverecky)|checkboxy|dve|obe|oba)\b"
SSL_BOXES_ASKED = re.compile(
    rf"{_BOXES}.{{0,80}}\b(ssl|tls|sifr\w*)|\b(ssl|tls|sifr\w*).{{0,80}}{_BOXES}"
)


def both_boxes_message(folded: str) -> Dict[str, Any]:
    """ "Dvě zaškrtávátka, obě?": yes – the SSL boxes (with the SSL ports), or the outgoing
    log-in's."""
    if re.search(r"\b(ssl|tls|sifr)", folded):
        ports = {f"{p}_ssl": knowledge.port(p, "ssl") for p in knowledge.protocols()}
        return {"response": "utter_yes_both_ssl_boxes", **ports}
    return {"response": "utter_yes_both_boxes"}


def with_address(messages: List[Dict[str, Any]], address: Optional[str]) -> None:
    """The user name is the customer's own address once they wrote it, not an example's."""
    if address:
        for message in messages:
            if message.get("username") == knowledge.username():  # (the Czech sentence's)
                message["username"] = knowledge.username(address)


# What is right, said as one part of a whole that is not ("Port 995 je v pořádku", no "Ano")
CONFIRMED = {
    "utter_port_check_ok": "utter_port_check_ok_part",
    "utter_server_check_ok": "utter_server_check_ok_part",
}
FAULTS = {
    "utter_port_check_wrong",
    "utter_port_check_wrong_no",
    "utter_port_check_unknown_no",
    "utter_server_check_wrong",
    "utter_username_short",
    "utter_username_short_wrong",
}


def _fault(message: Dict[str, Any]) -> bool:
    lead = str(message.get("lead", ""))
    return message.get("response") in FAULTS or lead.startswith(("Ne", "Ano, vadí"))


def fault_first(messages: List[Dict[str, Any]]) -> None:
    """ "Server ssl0.ovh.net, port 465, ověřování žádné – je to dobře?": the fault leads, the
    values that are right follow it, without an "Ano" (a customer reads "Ano, … správně" as
    "all fine")."""
    if not any(_fault(m) for m in messages):
        return
    confirmed = [m for m in messages if m.get("response") in CONFIRMED]
    rest = [m for m in messages if m.get("response") not in CONFIRMED]
    for message in confirmed:
        message["response"] = CONFIRMED[message["response"]]
    first_fault = next(i for i, m in enumerate(rest) if _fault(m))
    rest.insert(0, rest.pop(first_fault))  # the "Ne" answers the question: it leads
    last_fault = max(i for i, m in enumerate(rest) if _fault(m))
    messages[:] = rest[: last_fault + 1] + confirmed + rest[last_fault + 1 :]


def buttons_last(messages: List[Dict[str, Any]], domain: Dict[str, Any]) -> None:
    """Quick replies go under the turn's last message: the widget shows only the last
    message's buttons, so buttons on an earlier one would be hidden under what follows."""

    def has_buttons(message: Dict[str, Any]) -> bool:
        variants = (domain.get("responses") or {}).get(message.get("response") or "", [{}])
        return bool(message.get("buttons") or variants[0].get("buttons"))

    if not messages or has_buttons(messages[-1]):
        return
    for message in reversed(messages[:-1]):
        if message.get("buttons"):
            messages[-1]["buttons"] = message.pop("buttons")
            return
