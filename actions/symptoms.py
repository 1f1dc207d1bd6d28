"""Symptoms and pasted errors instead of a question: a short diagnosis, the concrete fix with
the guide's values, then "Pomohlo to?" (a "no" hands over to a person, actions/troubleshooting.py).

Diagnoses and error meanings are general e-mail knowledge kept in the knowledge file with
their sources; the fixes are domain responses filled from the same file.
"""

from typing import Any, Dict, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
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
}


def fix_values() -> Dict[str, Any]:
    """Every value the fix responses may name."""
    ports = {
        f"{name}_{security}": port
        for name, spec in knowledge.protocols().items()
        for security, port in spec["ports"].items()
    }
    return {**replies.settings_values(knowledge.recommended_protocol()), **ports}


def smtp_error(code: Optional[str]) -> Dict[str, str]:
    """Meaning and fix of an SMTP reply code ("5.7.8", "535"); the family's default otherwise."""
    for entry in knowledge.load()["smtp_errors"]:
        if code in entry["codes"]:
            return entry
    return knowledge.load()["smtp_error_default"]


def answer_symptom(
    dispatcher: CollectingDispatcher,
    symptom: Optional[str],
    code: Optional[str] = None,
    device: Optional[str] = None,
) -> Events:
    values = fix_values()
    if symptom == "smtp_error" or (symptom is None and code):  # a pasted reply is its symptom
        error = smtp_error(code)
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
    dispatcher.utter_message(response="utter_ask_symptom_helped")
    # "tak co s tím?" next: this fix again (actions/routes.py, symptom_again)
    return [
        SlotSet("pending_question", Pending.SYMPTOM_FIX.value),
        SlotSet("last_topic", f"{SYMPTOM_TOPIC}{symptom}"),
    ]


SYMPTOM_TOPIC = "symptom:"  # last_topic after a symptom's fix: "symptom:login_failed"


def last_symptom(topic: Optional[str]) -> Optional[str]:
    """The symptom whose fix was the last answer (None when it was not one)."""
    return topic[len(SYMPTOM_TOPIC) :] if topic and topic.startswith(SYMPTOM_TOPIC) else None
