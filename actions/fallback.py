"""Not understood: ask to rephrase and offer the topics the model thought likely; after two
misunderstandings in a row, offer a person."""

from typing import Any, Dict, List

from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.context import Turn
from actions.handoff import misunderstood_twice
from actions.pending import Pending
from actions.topics import QUESTION_TITLES

# Button title per intent the fallback may offer, in the order of the model's ranking.
TOPIC_TITLES = {**QUESTION_TITLES, "capabilities": "Co umíte?"}
DEFAULT_TOPICS = ["ask_port_table", "ask_settings", "capabilities"]
MAX_BUTTONS = 3


def likely_topics(ranking: List[Dict[str, Any]]) -> List[str]:
    """Up to MAX_BUTTONS intents with distinct titles, best first, padded with defaults."""
    chosen: List[str] = []
    titles = set()
    names = [item["name"] for item in ranking if item.get("name")] + DEFAULT_TOPICS
    for name in names:
        title = TOPIC_TITLES.get(name)
        if title and title not in titles:
            chosen.append(name)
            titles.add(title)
        if len(chosen) == MAX_BUTTONS:
            break
    return chosen


def topic_buttons(ranking: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    return [{"title": TOPIC_TITLES[name], "payload": f"/{name}"} for name in likely_topics(ranking)]


def utter_not_understood(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    ranking = turn.tracker.latest_message.get("intent_ranking") or []
    dispatcher.utter_message(response="utter_fallback", buttons=topic_buttons(ranking))


def fall_back(dispatcher: CollectingDispatcher, turn: Turn) -> List[Dict[str, Any]]:
    # Forget the misunderstood message so it does not steer the dialogue (the slot set
    # after the revert stays).
    if misunderstood_twice(turn.tracker):
        dispatcher.utter_message(response="utter_offer_handoff")
        return [UserUtteranceReverted(), SlotSet("pending_question", Pending.HANDOFF_OFFER.value)]
    utter_not_understood(dispatcher, turn)
    return [UserUtteranceReverted()]
