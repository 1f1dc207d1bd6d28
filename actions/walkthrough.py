"""The step-by-step Windows Phone setup: one step per message, free-text navigation.

The steps are data (knowledge.yml). State lives in slots, so the SQL tracker store keeps it
across restarts: `walkthrough_step` (1-8), `walkthrough_active`, and the protocol / SSL
choice asked before the account form.
"""
import re
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
from actions.understanding import latest_intent, mentioned_protocol, mentioned_security

NAV_BUTTONS = [
    {"title": "Hotovo", "payload": "/step_done"},
    {"title": "Zpět", "payload": "/step_back"},
    {"title": "Zopakovat", "payload": "/step_repeat"},
    {"title": "Nevidím to", "payload": "/step_help"},
    {"title": "Ukončit", "payload": "/stop_walkthrough"},
]
FORM_STEP = next(i for i, s in enumerate(knowledge.steps(), 1) if s["id"] == "account_form")
# Questions the walkthrough leaves open (pending_question) before the account form.
ASK_PROTOCOL, ASK_SECURITY = "walkthrough_protocol", "walkthrough_security"


def step_count() -> int:
    return len(knowledge.steps())


def is_active(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("walkthrough_active"))


def current_step(tracker: Tracker) -> int:
    value = tracker.get_slot("walkthrough_step")
    return min(max(int(value or 1), 1), step_count())


def requested_step(message: Dict[str, Any]) -> Optional[int]:
    """The step number of "krok 5" / "jdi na krok 3", or None."""
    for entity in message.get("entities") or []:
        if entity.get("entity") == "step" and str(entity.get("value")).isdigit():
            return int(entity["value"])
    match = re.search(r"\d+", message.get("text") or "")
    return int(match.group()) if match else None


def offer_resume(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After answering something else mid-walkthrough, offer the way back to the same step."""
    if is_active(tracker):
        dispatcher.utter_message(
            response="utter_offer_resume", step=current_step(tracker), steps=step_count()
        )


class Walkthrough:
    """One turn of the walkthrough: what to say and which slots change."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        self.dispatcher = dispatcher
        self.tracker = tracker
        self.protocol = tracker.get_slot("protocol")
        self.security = tracker.get_slot("security")
        self.events: List[Dict[Text, Any]] = []

    def go_to(self, number: int) -> List[Dict[Text, Any]]:
        number = min(max(number, 1), step_count())
        if number == FORM_STEP and not self._form_choices_known():
            return self._ask_form_choice(number)
        self._show(number)
        if number == step_count():
            self._finish()
            return self.events + [
                SlotSet("walkthrough_step", float(number)),
                SlotSet("walkthrough_active", False),
                SlotSet("pending_question", None),
            ]
        return self.events + [
            SlotSet("walkthrough_step", float(number)),
            SlotSet("walkthrough_active", True),
            SlotSet("pending_question", None),
        ]

    def help(self, number: int) -> List[Dict[Text, Any]]:
        step = knowledge.steps()[number - 1]
        self.dispatcher.utter_message(
            response="utter_step_help", help=step["help"], buttons=NAV_BUTTONS
        )
        return []

    def stop(self) -> List[Dict[Text, Any]]:
        self.dispatcher.utter_message(response="utter_walkthrough_stopped")
        return [SlotSet("walkthrough_active", False), SlotSet("pending_question", None)]

    def _form_choices_known(self) -> bool:
        return self.protocol in knowledge.incoming_protocols() and self.security in (
            knowledge.SECURITY_CHOICES
        )

    def _ask_form_choice(self, number: int) -> List[Dict[Text, Any]]:
        asks = ASK_PROTOCOL if self.protocol not in knowledge.incoming_protocols() else ASK_SECURITY
        self.dispatcher.utter_message(
            response="utter_ask_walkthrough_protocol" if asks == ASK_PROTOCOL
            else "utter_ask_walkthrough_security"
        )
        return [
            SlotSet("walkthrough_step", float(number)),
            SlotSet("walkthrough_active", True),
            SlotSet("pending_question", asks),
        ]

    def _show(self, number: int) -> None:
        step = knowledge.steps()[number - 1]
        self.dispatcher.utter_message(
            response="utter_step",
            number=number,
            steps=step_count(),
            title=step["title"],
            instruction=step["text"],
            buttons=[] if number == step_count() else NAV_BUTTONS,
        )
        if number == FORM_STEP:
            self.dispatcher.utter_message(response="utter_form_values", **self._form_values())

    def _form_values(self) -> Dict[str, Any]:
        values = replies.settings_values(self.protocol)
        return {
            **values,
            "security_label": knowledge.security_label(self.security),
            "incoming_port": knowledge.port(self.protocol, self.security),
            "outgoing_port": knowledge.port("smtp", self.security),
            "username": knowledge.credentials()["username"]["nominative"],
        }

    def _finish(self) -> None:
        values = self._form_values() if self._form_choices_known() else None
        if values:
            self.dispatcher.utter_message(response="utter_walkthrough_summary", **values)
        self.dispatcher.utter_message(response="utter_walkthrough_check")


class ActionWalkthrough(Action):
    def name(self) -> Text:
        return "action_walkthrough"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = latest_intent(tracker.latest_message)
        return walkthrough_turn(intent, dispatcher, tracker)


def awaits_form_choice(tracker: Tracker) -> bool:
    return tracker.get_slot("pending_question") in (ASK_PROTOCOL, ASK_SECURITY)


def answer_form_choice(
    dispatcher: CollectingDispatcher, tracker: Tracker, security: Optional[str] = None
) -> List[Dict[Text, Any]]:
    """The customer picked IMAP/POP3 or SSL before the account form (button, typed, or
    "ano"/"ne" to the SSL question, passed as `security`)."""
    turn = Walkthrough(dispatcher, tracker)
    protocol = mentioned_protocol(tracker.latest_message)
    if protocol in knowledge.incoming_protocols():
        turn.protocol = protocol
    turn.security = security or mentioned_security(tracker.latest_message) or turn.security
    choice = [SlotSet("protocol", turn.protocol), SlotSet("security", turn.security)]
    return choice + turn.go_to(FORM_STEP)


def walkthrough_turn(
    intent: Optional[str], dispatcher: CollectingDispatcher, tracker: Tracker
) -> List[Dict[Text, Any]]:
    turn = Walkthrough(dispatcher, tracker)
    step = current_step(tracker)
    if intent == "start_walkthrough":
        return turn.go_to(1)
    if intent == "resume_walkthrough":
        return turn.go_to(step)
    if not is_active(tracker):
        # "hotovo", "zpět"... with no walkthrough running: offer one instead of guessing.
        dispatcher.utter_message(response="utter_offer_walkthrough")
        return []
    if intent in ("step_done", "step_skip", "affirm"):
        return turn.go_to(step + 1)
    if intent == "step_back":
        return turn.go_to(step - 1)
    if intent == "step_goto":
        return turn.go_to(requested_step(tracker.latest_message) or step)
    if intent in ("step_help", "deny"):
        return turn.help(step)
    if intent == "stop_walkthrough":
        return turn.stop()
    return turn.go_to(step)  # step_repeat, and the form choices (inform) once answered


class Answer(Action, ABC):
    """An action that answers a question. Asked mid-walkthrough, it then offers the way back
    to the same step, unless the turn itself moved the walkthrough or left a question open.
    (Abstract, so the action server does not register it.)"""

    @abstractmethod
    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """The answer's messages go to `dispatcher`; returns its events."""

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        events = self.answer(dispatcher, tracker, domain)
        steers = any(
            event.get("event") == "slot"
            and event.get("name") in ("walkthrough_step", "pending_question")
            and event.get("value") is not None
            for event in events
        )
        if not steers:
            offer_resume(dispatcher, tracker)
        return events
