"""A pipeline component that classifies a message carrying a password as `share_password`.

DIET alone confuses "moje heslo je Kvetina99" with "jaké heslo mám zadat?" (cross-validation:
9 of 26 such examples). A typed password must always get the warning and never an answer
that treats it as a question, so a rule decides here, after DIET, with full confidence.
"""

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from czech_nlu.component import ConfigOnlyComponent
from czech_nlu.password import typed_password


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PasswordGuard(ConfigOnlyComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"intent": "share_password"}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._intent = config["intent"]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if typed_password(message.get(TEXT) or ""):
                decided = {"name": self._intent, "confidence": 1.0}
                # The others keep their place for diagnostics, not their confidence: a close
                # second ("ask_password") would make the FallbackClassifier call it ambiguous.
                ranking = [decided] + [
                    {**item, "confidence": 0.0}
                    for item in message.get(INTENT_RANKING_KEY) or []
                    if item.get("name") != self._intent
                ]
                message.set(INTENT, decided, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
