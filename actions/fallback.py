"""Low-confidence fallback: ask to rephrase and offer the topics the model thought likely."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import PENDING_OFFER, misunderstood_twice
from actions.topics import QUESTION_TITLES
from actions.walkthrough import Answer

# Button title per intent the fallback may offer, in the order of the model's ranking.
TOPIC_TITLES = {**QUESTION_TITLES, "capabilities": "Co umíte?"}
DEFAULT_TOPICS = ["ask_port_table", "ask_settings", "capabilities"]
MAX_BUTTONS = 3


def likely_topics(ranking: List[Dict[str, Any]]) -> List[str]:
    """Up to MAX_BUTTONS intents with distinct titles, best first, padded with defaults."""
    chosen: List[str] = []
    titles = set()
    names = [item.get("name") for item in ranking] + DEFAULT_TOPICS
    for name in names:
        title = TOPIC_TITLES.get(name)
        if title and title not in titles:
            chosen.append(name)
            titles.add(title)
        if len(chosen) == MAX_BUTTONS:
            break
    return chosen


def topic_buttons(ranking: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    return [
        {"title": TOPIC_TITLES[name], "payload": f"/{name}"} for name in likely_topics(ranking)
    ]


def utter_not_understood(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    ranking = tracker.latest_message.get("intent_ranking") or []
    dispatcher.utter_message(response="utter_fallback", buttons=topic_buttons(ranking))


class ActionFallbackTopics(Answer):
    def name(self) -> Text:
        return "action_fallback_topics"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        # Forget the misunderstood message so it does not steer the dialogue (the slot set
        # after the revert stays).
        if misunderstood_twice(tracker):
            dispatcher.utter_message(response="utter_offer_handoff")
            return [UserUtteranceReverted(), SlotSet("pending_question", PENDING_OFFER)]
        utter_not_understood(dispatcher, tracker)
        return [UserUtteranceReverted()]
