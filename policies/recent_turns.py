"""RulePolicy that reads the recent turns of a conversation instead of all of them.

Rasa 3.6's RulePolicy turns the *whole* conversation into states on every prediction (and
deep-copies them for a debug log), so each reply gets slower as a conversation grows. A rule
only ever compares the last few states, so this policy hands it a view of the last
`lookback_events` events, with the slot values and active loop the conversation had at the
cut. States near the end of the view are the same as in the full history (tested in
tests/test_recent_turns_policy.py); short conversations are passed through untouched.
"""

from typing import Any, Dict, List, Optional

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    Restarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker


def recent_view(
    tracker: DialogueStateTracker, lookback_events: int, domain: Domain
) -> DialogueStateTracker:
    """The tracker's last applied events (from a listen before a user message), with the slots
    and active loop in force where they begin. Applied events, not raw ones: a cut just before
    a user message that a later rewind (the fallback's UserUtteranceReverted) takes back would
    leave the view without the turn the rewind returns to."""
    if len(tracker.events) <= 2 * lookback_events:
        return tracker
    events = tracker.applied_events()
    if len(events) <= 2 * lookback_events:
        return tracker
    cut = None
    for index in range(len(events) - lookback_events, 0, -1):
        if (
            isinstance(events[index], ActionExecuted)
            and events[index].action_name == ACTION_LISTEN_NAME
            and isinstance(events[index + 1], UserUttered)
        ):
            cut = index
            break
    if cut is None:
        return tracker
    slots: Dict[str, Any] = {}
    loop: Optional[str] = None
    for event in events[:cut]:
        if isinstance(event, SlotSet):
            slots[event.key] = event.value
        elif isinstance(event, (AllSlotsReset, Restarted)):
            slots = {}
            loop = None if isinstance(event, Restarted) else loop
        elif isinstance(event, ActiveLoop):
            loop = event.name
    prefix: List[Any] = [SlotSet(key, value) for key, value in slots.items()]
    if loop:
        prefix.append(ActiveLoop(loop))
    # domain.slots start at their initial values, like the conversation did.
    return DialogueStateTracker.from_events(
        tracker.sender_id, prefix + events[cut:], slots=domain.slots
    )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RecentTurnsRulePolicy(RulePolicy):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # ~10 turns: far more than the longest rule (the assertion in the tests).
        return {**RulePolicy.get_default_config(), "lookback_events": 60}

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: Optional[Dict[str, Any]] = None,
    ) -> List[State]:
        view = recent_view(tracker, self.config["lookback_events"], domain)
        return super()._prediction_states(
            view, domain, use_text_for_last_user_input, rule_only_data
        )
