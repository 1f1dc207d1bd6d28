"""Troubleshooting: the Open SMTP ticket, mail that does not leave, mail that does not work.

The conversation is data: each entry intent and each answer to a pending yes/no question
leads to a Step (responses to send, next question). All values come from the knowledge file.
"""
from typing import Any, Dict, List, NamedTuple, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
from actions.handoff import PENDING_OFFER, hand_off
from actions.understanding import latest_intent
from actions.walkthrough import (
    ASK_SECURITY,
    Answer,
    answer_form_choice,
    is_active,
    walkthrough_turn,
)


class Step(NamedTuple):
    responses: List[str]
    asks: Optional[str]  # the yes/no question left open, or None


SMTP_FIX = Step(["utter_smtp_fix", "utter_ask_fix_helped"], "smtp_fix")
WORKED = Step(["utter_fix_worked"], None)
# The fix did not help: a person takes over (actions/handoff.py).
HANDOFF = Step([], None)

ENTRIES = {
    "open_smtp_ticket": Step(["utter_open_smtp_explained", *SMTP_FIX.responses], SMTP_FIX.asks),
    "cannot_send": Step(["utter_smtp_auth_likely", *SMTP_FIX.responses], SMTP_FIX.asks),
    "mail_not_working": Step(["utter_ask_receiving_works"], "receiving_works"),
}

ANSWERS = {
    "receiving_works": {
        "affirm": ENTRIES["cannot_send"],
        "deny": Step(["utter_receive_checks", "utter_ask_fix_helped"], "receive_checks"),
    },
    "smtp_fix": {
        "affirm": WORKED,
        "deny": Step(["utter_smtp_checks", "utter_ask_fix_helped"], "smtp_checks"),
    },
    "smtp_checks": {"affirm": WORKED, "deny": HANDOFF},
    "receive_checks": {"affirm": WORKED, "deny": HANDOFF},
    # The fallback offered a person after two misunderstandings.
    PENDING_OFFER: {"affirm": HANDOFF, "deny": Step(["utter_handoff_declined"], None)},
}
NO_QUESTION = Step(["utter_anything_else"], None)


def next_step(intent: Optional[str], pending: Optional[str]) -> Step:
    if intent in ENTRIES:
        return ENTRIES[intent]
    return ANSWERS.get(pending or "", {}).get(intent or "", NO_QUESTION)


def response_values() -> Dict[str, Any]:
    """Every value the troubleshooting responses may name."""
    return {
        **replies.settings_values(knowledge.recommended_protocol()),
        **knowledge.load()["open_smtp"],
        "port_table": replies.port_table(),
    }


class ActionTroubleshoot(Answer):
    def name(self) -> Text:
        return "action_troubleshoot"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = latest_intent(tracker.latest_message)
        pending = tracker.get_slot("pending_question")
        if intent in ("affirm", "deny") and pending == ASK_SECURITY:
            security = "ssl" if intent == "affirm" else "plain"
            return answer_form_choice(dispatcher, tracker, security)
        if intent in ("affirm", "deny") and not pending and is_active(tracker):
            # "ano" / "ne" mid-walkthrough: done with the step / help with it.
            return walkthrough_turn(intent, dispatcher, tracker)
        step = next_step(intent, pending)
        if step is HANDOFF:
            return hand_off(
                dispatcher, tracker, "misunderstood" if pending == PENDING_OFFER else "fix_failed"
            )
        values = response_values()
        for response in step.responses:
            dispatcher.utter_message(response=response, **values)
        return [SlotSet("pending_question", step.asks)]
