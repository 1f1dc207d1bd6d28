"""The reason behind the last answer, when the customer asks "a proč?" (knowledge.yml
`reasons`, keyed by the responses they follow)."""

from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.context import Events, Turn, last_responses


def reason(tracker: Tracker) -> Optional[str]:
    """The id of the reason for what the bot said last, or None."""
    said = last_responses(tracker)
    reasons = knowledge.load()["reasons"]
    return next((rid for rid, entry in reasons.items() if set(entry["after"]) & set(said)), None)


def answer_why(dispatcher: CollectingDispatcher, turn: Turn) -> Events:
    entry = knowledge.load()["reasons"][reason(turn.tracker)]
    english = turn.frame.language == "en"
    dispatcher.utter_message(response="utter_reason", reason=entry["en" if english else "cs"])
    return []
