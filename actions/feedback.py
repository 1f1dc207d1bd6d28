"""The customer's 👍 / 👎 after a resolved topic (the Open SMTP fix worked, the walkthrough
ended, a thanks), with an optional comment after a 👎. Stored in the tracker (slots `rating`,
`rating_comment`); `make report` shows satisfaction per topic and lists the 👎 conversations."""

from typing import Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import Events, Turn
from actions.pending import Pending
from actions.topics import INTENT_TOPICS, PROBLEM_TITLES, QUESTION_TITLES

# What was resolved, by the answer the rating buttons came with.
RATED_ANSWERS = {
    "utter_fix_worked": PROBLEM_TITLES["open_smtp_ticket"],
    "utter_walkthrough_check": PROBLEM_TITLES["start_walkthrough"],
}
# A topic's title is that of the question intent asking about it ("port" -> "Porty").
TOPIC_TITLES = {topic: QUESTION_TITLES[intent] for intent, topic in INTENT_TOPICS.items()}


def rated_topic(turn: Turn) -> str:
    for event in reversed(turn.tracker.events):
        if event.get("event") == "bot":
            name = (event.get("metadata") or {}).get("utter_action")
            if name in RATED_ANSWERS:
                return RATED_ANSWERS[name]
    topic = turn.tracker.get_slot("last_topic")
    return TOPIC_TITLES.get(topic or "", "jiné")


def answer_rating(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    values = [
        e.get("value")
        for e in turn.tracker.latest_message.get("entities") or []
        if e.get("entity") == "rating"
    ]
    value = "down" if "down" in values else "up"
    rating = SlotSet("rating", {"value": value, "topic": rated_topic(turn)})
    if value == "up":
        dispatcher.utter_message(response="utter_rating_thanks")
        return [rating, SlotSet("pending_question", None)]
    dispatcher.utter_message(response="utter_rating_sorry")
    return [rating, SlotSet("pending_question", Pending.RATING_COMMENT.value)]


def answer_comment(dispatcher: CollectingDispatcher, turn: Turn) -> Optional[Events]:
    """None for a question (answered as usual) or a request for a person."""
    if turn.intent == "deny":
        dispatcher.utter_message(response="utter_rating_thanks")
        return [SlotSet("pending_question", None)]
    if not turn.frame.text or turn.frame.asks or turn.intent == "request_human":
        return None
    dispatcher.utter_message(response="utter_rating_comment_thanks")
    return [SlotSet("rating_comment", turn.frame.text), SlotSet("pending_question", None)]
