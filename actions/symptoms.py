"""Symptoms and pasted errors instead of a question: a short diagnosis, the concrete fix with
the guide's values, then "Pomohlo to?" (a "no" hands over to a person, actions/troubleshooting.py).

Diagnoses and error meanings are general e-mail knowledge kept in the knowledge file with
their sources; the fixes are domain responses filled from the same file.
"""

import re
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, phrases, replies
from actions.context import Events
from actions.pending import Pending

# The knowledge file's `fix` names and the responses that give them.
FIX_RESPONSES = {
    "smtp_auth": "utter_smtp_fix",
    "credentials": "utter_fix_credentials",
    "server_name": "utter_fix_server_name",
    "incoming": "utter_fix_incoming",
    "use_imap": "utter_fix_use_imap",
    "connection": "utter_fix_connection",
    "sync": "utter_fix_sync",
    "connect": "utter_fix_connect",
    "smtp_ssl": "utter_fix_smtp_ssl",
    "webmail_first": "utter_fix_webmail_first",
}


def fix_values(account: Optional[str] = None) -> Dict[str, Any]:
    """Every value the fix responses may name; with the customer's account type (`account`:
    "android, pop3"), the port lines name that type's ports only."""
    ports = {
        f"{name}_{security}": port
        for name, spec in knowledge.protocols().items()
        for security, port in spec["ports"].items()
    }
    incoming = knowledge.incoming_protocols()
    named = [
        p
        for p in knowledge.protocols()
        if p not in incoming or p == account or account not in incoming
    ]
    if account in incoming:
        incoming_ports = _ssl_or_plain(account)
    else:  # the recommended type first, the other in brackets
        first, *others = sorted(incoming, key=lambda p: p != knowledge.recommended_protocol())
        incoming_ports = _ssl_or_plain(first) + "".join(
            f" ({knowledge.protocol_label(p)} **{knowledge.port(p, 'ssl')}**, nebo "
            f"**{knowledge.port(p, 'plain')}**)"
            for p in others
        )
    return {
        **replies.settings_values(knowledge.recommended_protocol()),
        **ports,
        "incoming_ports": incoming_ports,
        "webmail_url": knowledge.load()["webmail"]["url"],
        # "se SSL: IMAP **993**, POP3 **995**, SMTP **465**"
        "ssl_ports": _ports_line(named, "ssl"),
        "plain_ports": _ports_line(named, "plain"),
    }


def _ssl_or_plain(protocol: str) -> str:
    return (
        f"{knowledge.protocol_label(protocol)} **{knowledge.port(protocol, 'ssl')}** se SSL, "
        f"nebo **{knowledge.port(protocol, 'plain')}** bez SSL"
    )


def _ports_line(protocols: List[str], security: str) -> str:
    return ", ".join(
        f"{knowledge.protocol_label(p)} **{knowledge.port(p, security)}**" for p in protocols
    )


def smtp_error(code: Optional[str], folded: str = "") -> Dict[str, str]:
    """Meaning and fix of an SMTP reply code ("5.7.8", "535") – an entry with `words` only where
    the reply's text has them ("Must issue a STARTTLS command first"); the family's default
    otherwise."""
    # ("535 5.7.3 Authentication unsuccessful": the basic code tells what the unlisted one
    # does not)
    codes = [code, *phrases.REPLY_CODE.findall(folded)]
    for said in codes:
        for entry in knowledge.load()["smtp_errors"]:
            if said in entry["codes"] and re.search(entry.get("words", ""), folded):
                return entry
    return knowledge.load()["smtp_error_default"]


def answer_symptom(
    dispatcher: CollectingDispatcher,
    symptom: Optional[str],
    code: Optional[str] = None,
    device: Optional[str] = None,
    account: Optional[str] = None,
    folded: str = "",
) -> Events:
    """`folded`: the message, for a reply whose text tells more than its code."""
    values = fix_values(account)
    if symptom == "smtp_error" or (symptom is None and code):  # a pasted reply is its symptom
        error = smtp_error(code, folded)
        if code:
            dispatcher.utter_message(
                response="utter_smtp_error", code=code, meaning=error["meaning"]
            )
        else:
            dispatcher.utter_message(
                response="utter_diagnosis",
                diagnosis=error["meaning"][:1].upper() + error["meaning"][1:] + ".",
            )
        fix = error["fix"]
    else:
        entry = knowledge.load()["symptoms"][symptom]
        dispatcher.utter_message(response="utter_diagnosis", diagnosis=entry["diagnosis"])
        fix = entry["fix"]
    dispatcher.utter_message(response=FIX_RESPONSES[fix], **values)
    if device and fix != "smtp_auth":  # (the SMTP fix says where, step by step)
        dispatcher.utter_message(response="utter_where_account")  # in their device
    # "tak co s tím?" next: this fix again (actions/routes.py, symptom_again)
    topic = [SlotSet("last_topic", f"{SYMPTOM_TOPIC}{symptom}")]
    if fix == "webmail_first":  # (a look, no fix to try: each outcome's next move is said)
        return topic
    return ask_if_it_helped(dispatcher) + topic


def ask_if_it_helped(dispatcher: CollectingDispatcher) -> Events:
    """ "Zkuste to prosím znovu. Pomohlo to?" after a fix: its yes or no answers it."""
    dispatcher.utter_message(response="utter_ask_symptom_helped")
    return [SlotSet("pending_question", Pending.SYMPTOM_FIX.value)]


SYMPTOM_TOPIC = "symptom:"  # last_topic after a symptom's fix: "symptom:login_failed"


def last_symptom(topic: Optional[str]) -> Optional[str]:
    """The symptom whose fix was the last answer (None when it was not one)."""
    return topic[len(SYMPTOM_TOPIC) :] if topic and topic.startswith(SYMPTOM_TOPIC) else None
