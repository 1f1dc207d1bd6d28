"""The recent view of a long conversation yields the same last states as the whole of it."""

import random
from pathlib import Path

import pytest
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

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


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """Our domain, then Rasa's RulePolicy and ours, each as configured by default and trained
    on our rules (data/rules.yml) and Rasa's default rules."""
    domain = Domain.load(str(ROOT / "domain.yml"))
    rules = YAMLStoryReader(domain).read_from_file(str(ROOT / "data" / "rules.yml"))
    trackers = TrainingDataGenerator(
        StoryGraph(rules), domain, augmentation_factor=0, use_story_concatenation=False
    ).generate()
    storage = LocalModelStorage(tmp_path_factory.mktemp("policies"))
    context = ExecutionContext(GraphSchema({}), "test")
    policies = []
    for policy in (RulePolicy, RecentTurnsRulePolicy):
        created = policy.create(
            policy.get_default_config(), storage, Resource(policy.__name__), context
        )
        created.train(trackers, domain)
        policies.append(created)
    return (domain, *policies)


def next_action(policy, tracker, domain) -> str:
    prediction = policy.predict_action_probabilities(tracker, domain)
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_a_long_conversation_gets_the_actions_rasas_rule_policy_predicts(trained):
    domain, full, recent = trained
    intents = sorted(domain.intents)
    rng = random.Random(5)
    events = [ActionExecuted("action_listen")]
    for n in range(80):
        intent = rng.choice(intents)
        events.append(UserUttered("x", {"name": intent}))
        events.append(ActionExecuted(next_action(full, tracker_of(events, domain), domain)))
        if n % 9 == 0:  # a misunderstood message, taken back
            events.append(UserUtteranceReverted())
        events.append(ActionExecuted("action_listen"))
    lookback = RecentTurnsRulePolicy.get_default_config()["lookback_events"]
    for intent in intents:
        asked = tracker_of(events + [UserUttered("x", {"name": intent})], domain)
        # The conversation is long enough for the policy to read a cut view of it.
        assert len(recent_view(asked, lookback, domain).events) < len(asked.events) / 2
        expected = next_action(full, asked, domain)
        assert next_action(recent, asked, domain) == expected, intent
        answered = tracker_of(list(asked.events) + [ActionExecuted(expected)], domain)
        assert next_action(recent, answered, domain) == next_action(full, answered, domain)


def tracker_of(events, domain) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("u", events, slots=domain.slots)


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
