"""A pipeline component that gives every token a Czech lemma with diacritics folded.

SpacyTokenizer with `spacy.blank("cs")` yields tokens without lemmas. This component runs
after it and rewrites each token so the featurizers see one form for all spellings:
- `lemma`: simplemma's Czech lemma, folded ("IMAPu" -> "imap", "odchozí" -> "odchozi");
- `text`: the surface form, folded ("Příchozí" -> "prichozi"), for the char n-grams.
Token offsets stay untouched, so entities are still cut from the original message.
"""

from functools import lru_cache
from typing import Any, Dict, List, Optional

import simplemma
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from czech_nlu.component import ConfigOnlyComponent
from czech_nlu.folding import fold


@lru_cache(maxsize=50_000)
def czech_lemma(word: str, use_lemma: bool = True) -> str:
    """Folded lemma of one token; cached because chat vocabulary is small and repetitive."""
    if not use_lemma:
        return fold(word)
    return fold(simplemma.lemmatize(word.lower(), lang="cs"))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class CzechLemmatizer(ConfigOnlyComponent):
    """Sets folded Czech lemmas (and folded text) on the tokens of every message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # `lemmatize: false` keeps only the folding (used to measure what lemmas add).
        return {"lemmatize": True, "fold_text": True}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._lemmatize = config["lemmatize"]
        self._fold_text = config["fold_text"]

    @staticmethod
    def required_packages() -> List[str]:
        return ["simplemma"]

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            for attribute in (TEXT, ACTION_TEXT):
                self._rewrite_tokens(message.get(TOKENS_NAMES[attribute]))
        return messages

    def _rewrite_tokens(self, tokens: Optional[List[Any]]) -> None:
        for token in tokens or []:
            token.lemma = czech_lemma(token.text, self._lemmatize)
            if self._fold_text:
                token.text = fold(token.text)
