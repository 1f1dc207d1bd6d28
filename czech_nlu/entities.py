"""Entities read by rule instead of learned: protocol, security and step.

DIET's entity recognition (a CRF) was two thirds of a training: TensorFlow traces its loss
twice (about 20 s of a 62 s `rasa train` on two cores) and it ran in every training step. The
actions read these values from the text themselves (actions/understanding.py, actions/frame.py)
and used DIET's entities only where the text said nothing, so the same vocabulary decides here:
one reading of "IMAPu", "odchozí", "bez SSL" for the whole bot (docs/nlu.md, "Training time,
adopted"). The held-out gate measures this extractor's protocol and security entities.
"""

import re
from typing import Any, Dict, Iterator, List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.understanding import canonical_protocol
from czech_nlu.component import ConfigOnlyComponent
from czech_nlu.folding import fold_in_place

SECURE = r"(?:ssl\w*|tls|sifrovan\w*|zasifrovan\w*|sifrovani\w*|zabezpecen\w*|encrypt\w*)"
# "bez SSL", "nechci SSL", "nešifrovaně": the whole phrase, as the training data marks it
PLAIN = re.compile(
    rf"\b(?:bez|nechci|nechtel\w*|without|no)\s+{SECURE}|\bne(?:sifrovan|zasifrovan|zabezpecen|bezpecn)\w*"
    r"|\bunencrypted\b"
)
# ("se šifrováním" whole, as the data marks it; "se SSL" marks the SSL alone)
SSL = re.compile(rf"\bse\s+sifrovan\w*|\b{SECURE}(?![.\w])")
# "krok 3", "jdi na krok č. 5", "skoč na 6. krok": the number
STEP = re.compile(
    r"\bkrok\w*\s+(?:c\.\s*|cislo\s+)?(?P<number>\d{1,2})\b|\b(?P<before>\d{1,2})\.\s*krok"
)
WORD = re.compile(r"\w+")
# Protocol names that name no protocol asked about, as the training data marks them: the
# ticket's name ("Open SMTP", "POP before SMTP") and the two types compared ("IMAP nebo POP3?",
# "rozdíl mezi POP a IMAP")
NOT_ASKED = re.compile(
    r"\b(?:open\W?smtp|opensmtp|otevren\w* smtp|pop\w* before smtp)\b"
    r"|\b(?:imap\w*|pop\w*)\s*,?\s*(?:(?:nebo|ci|a|vs\.?|versus|or|and|proti)\s+)?(?:imap\w*|pop\w*)\b"
    # a state told, not a protocol asked: "odchozí pošta nefunguje, příchozí ano"
    r"|\b(?:odchoz|prichoz)\w*(?:\s+(?:posta|mail\w*|zpravy))?\s+(?:ne)?(?:funguj\w*|jde|chodi|ano|ne)\b"
)
# verbs of sending and receiving, and the English words (an English message is answered
# from its own text: actions/english.py)
VERBS = re.compile(
    r"^(?:odesil|odeslan|posilan|prijem|prijmu|prijim|sending|receiving|incoming|outgoing)"
)


def _free(span: Tuple[int, int], taken: List[Tuple[int, int]]) -> bool:
    return all(span[1] <= start or span[0] >= end for start, end in taken)


def read_entities(text: str) -> Iterator[Dict[str, Any]]:
    """(entity, value, start, end) of every protocol, SSL choice and step number in `text`."""
    folded = fold_in_place(text)
    taken: List[Tuple[int, int]] = []
    for match in PLAIN.finditer(folded):
        taken.append(match.span())
        yield _entity("security", "plain", match.span(), text)
    for match in SSL.finditer(folded):
        if _free(match.span(), taken):
            taken.append(match.span())
            yield _entity("security", "ssl", match.span(), text)
    taken += [match.span() for match in NOT_ASKED.finditer(folded)]
    for match in WORD.finditer(folded):
        protocol = canonical_protocol(match.group())
        # ("port pro odesílání": the sending named as the thing asked about)
        named = folded[: match.start()].endswith(("pro ", "na ", "u "))
        verb = VERBS.match(match.group()) and not named
        if protocol and not verb and _free(match.span(), taken):
            yield _entity("protocol", protocol, match.span(), text)
    for match in STEP.finditer(folded):
        group = "number" if match.group("number") else "before"
        yield _entity("step", match.group(group), match.span(group), text)


def _entity(name: str, value: str, span: Tuple[int, int], text: str) -> Dict[str, Any]:
    start, end = span
    return {
        "entity": name,
        "value": value,
        "start": start,
        "end": end,
        "confidence_entity": 1.0,
        "text": text[start:end],
    }


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CzechEntityExtractor(ConfigOnlyComponent, EntityExtractorMixin):
    """Adds the rule-read entities to every message (a button's own entities are kept)."""

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = config

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = list(read_entities(message.get(TEXT) or ""))
            for entity in found:
                entity.pop("text")
            entities = self.add_extractor_name(found)
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
