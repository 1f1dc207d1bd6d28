"""Server, credential and settings answers: a response filled with facts from the knowledge file."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, replies
from actions.understanding import latest_intent, mentioned_protocol
from actions.walkthrough import Answer


class ActionServer(Answer):
    def name(self) -> Text:
        return "action_server"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        protocol = mentioned_protocol(tracker.latest_message)
        if protocol:
            dispatcher.utter_message(
                response="utter_server_one",
                **replies.protocol_values(knowledge.concrete_protocol(protocol)),
            )
        else:
            dispatcher.utter_message(
                response="utter_server_both",
                incoming_server=knowledge.server("incoming"),
                outgoing_server=knowledge.server("outgoing"),
            )
        return [SlotSet("last_topic", "server")]


class ActionSettings(Answer):
    """Complete settings for IMAP or POP3; asks which when the customer did not say."""

    def name(self) -> Text:
        return "action_settings"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        protocol = mentioned_protocol(tracker.latest_message) or tracker.get_slot("protocol")
        if protocol not in knowledge.incoming_protocols():
            dispatcher.utter_message(response="utter_ask_settings_protocol")
            return [SlotSet("last_topic", "settings")]
        dispatcher.utter_message(response="utter_settings", **replies.settings_values(protocol))
        return [SlotSet("protocol", protocol), SlotSet("last_topic", "settings")]


class ActionUsername(Answer):
    def name(self) -> Text:
        return "action_username"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(
            response="utter_username", username=knowledge.credentials()["username"]["accusative"]
        )
        return []


class ActionPassword(Answer):
    def name(self) -> Text:
        return "action_password"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        credentials = knowledge.credentials()
        dispatcher.utter_message(
            response="utter_password",
            password=credentials["password"],
            manager_url=credentials["manager_url"],
        )
        return []


class ActionOtherDevice(Answer):
    """Other phones and apps: the walkthrough is for Windows Phone, the values are the same."""

    def name(self) -> Text:
        return "action_other_device"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_other_device")
        protocol = tracker.get_slot("protocol")
        if protocol not in knowledge.incoming_protocols():
            protocol = knowledge.recommended_protocol()
        dispatcher.utter_message(response="utter_settings", **replies.settings_values(protocol))
        return [SlotSet("last_topic", "settings")]


class ActionStaticAnswer(Answer):
    """Answers that need no facts (greeting, chitchat, a typed password), as an action so that
    mid-walkthrough they too end with the offer to continue at the same step."""

    RESPONSES = {
        "greet": "utter_greet",
        "thanks": "utter_thanks",
        "capabilities": "utter_capabilities",
        "out_of_scope": "utter_out_of_scope",
        "other_language": "utter_czech_only",
        "ask_pop_vs_imap": "utter_pop_vs_imap",
        "share_password": "utter_password_warning",
    }

    def name(self) -> Text:
        return "action_static_answer"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = latest_intent(tracker.latest_message)
        dispatcher.utter_message(response=self.RESPONSES.get(intent, "utter_capabilities"))
        return []
