"""The recent view of a long conversation yields the same last states as the whole of it."""

import random

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from policies.recent_turns import RecentTurnsRulePolicy, recent_view

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [ask_port, inform, greet, nlu_fallback]
entities: [protocol]
slots:
  protocol:
    type: categorical
    values: [imap, pop3, smtp]
    influence_conversation: true
    mappings: [{type: from_entity, entity: protocol}]
  step:
    type: float
    influence_conversation: true
    mappings: [{type: custom}]
actions: [action_answer_port, action_step, action_fallback_topics]
responses:
  utter_greet: [{text: "Dobrý den"}]
"""
)


def long_conversation(turns: int, seed: int) -> DialogueStateTracker:
    rng = random.Random(seed)
    events = [ActionExecuted("action_listen")]
    for n in range(turns):
        intent = rng.choice(["ask_port", "inform", "greet"])
        entities = (
            [{"entity": "protocol", "value": rng.choice(["imap", "pop3"])}]
            if intent != "greet"
            else []
        )
        events.append(UserUttered("x", {"name": intent}, entities))
        if entities:
            events.append(SlotSet("protocol", entities[0]["value"]))
        action = (
            "utter_greet"
            if intent == "greet"
            else rng.choice(["action_answer_port", "action_step"])
        )
        events.append(ActionExecuted(action))
        if action == "action_step":
            events.append(SlotSet("step", float(n % 8)))
        if n == turns // 3:
            events.append(AllSlotsReset())
        if n == turns // 2:
            events.append(ActiveLoop("some_loop"))
        events.append(ActionExecuted("action_listen"))
    return DialogueStateTracker.from_events("u", events, slots=DOMAIN.slots)


def test_last_states_are_identical():
    for seed in range(20):
        tracker = long_conversation(turns=80, seed=seed)
        view = recent_view(tracker, 60, DOMAIN)
        assert len(view.events) < len(tracker.events) / 2
        full_states = DOMAIN.states_for_tracker_history(tracker)
        view_states = DOMAIN.states_for_tracker_history(view)
        # A rule compares at most a handful of states; 20 of them are exactly the same.
        assert view_states[-20:] == full_states[-20:], seed
        assert view.slots["protocol"].value == tracker.slots["protocol"].value
        assert view.active_loop_name == tracker.active_loop_name


def test_short_conversation_is_untouched():
    tracker = long_conversation(turns=10, seed=1)
    assert recent_view(tracker, 60, DOMAIN) is tracker


def test_lookback_covers_far_more_than_the_longest_rule():
    # Our rules are 2 states long (intent, action); Rasa's default rules at most 3.
    assert RecentTurnsRulePolicy.get_default_config()["lookback_events"] >= 40


def test_slots_and_loop_set_long_before_the_cut_are_kept():
    events = [ActionExecuted("action_listen"), UserUttered("x", {"name": "ask_port"})]
    events += [
        SlotSet("protocol", "smtp"),
        ActiveLoop("some_loop"),
        ActionExecuted("action_answer_port"),
    ]
    events += [ActionExecuted("action_listen")]
    for _ in range(60):  # only greetings afterwards
        events += [
            UserUttered("x", {"name": "greet"}),
            ActionExecuted("utter_greet"),
            ActionExecuted("action_listen"),
        ]
    tracker = DialogueStateTracker.from_events("u", events, slots=DOMAIN.slots)
    view = recent_view(tracker, 60, DOMAIN)
    assert len(view.events) < len(tracker.events) / 2
    full_states = DOMAIN.states_for_tracker_history(tracker)
    assert DOMAIN.states_for_tracker_history(view)[-20:] == full_states[-20:]
    assert full_states[-1]["slots"]["protocol"] and full_states[-1]["active_loop"]


def test_a_run_of_reverted_fallbacks_does_not_hide_the_turn_it_returns_to():
    # The fallback takes its misunderstood message back; after twenty of them in a row the
    # last 60 raw events are all taken back, and the view must still end where the full
    # history ends (it once ended nowhere, and the policy looped into Rasa's circuit breaker).
    tracker = long_conversation(turns=40, seed=3)
    events = list(tracker.events)
    for _ in range(20):
        events += [
            UserUttered("??", {"name": "nlu_fallback"}),
            ActionExecuted("action_fallback_topics"),
            UserUtteranceReverted(),
            SlotSet("step", 1.0),
            ActionExecuted("action_listen"),
        ]
    tracker = DialogueStateTracker.from_events("u", events, slots=DOMAIN.slots)
    view = recent_view(tracker, 60, DOMAIN)
    assert len(view.events) < len(tracker.events) / 2
    full_states = DOMAIN.states_for_tracker_history(tracker)
    assert DOMAIN.states_for_tracker_history(view)[-20:] == full_states[-20:]
