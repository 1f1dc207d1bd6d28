"""Our pipeline component: folded Czech lemmas on real SpacyTokenizer tokens."""

import pytest
import spacy
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from czech_nlu.folding import fold
from czech_nlu.lemmatizer import CzechLemmatizer


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("cs")


def tokens_of(nlp, text, lemmatizer_config=None):
    message = Message(data={TEXT: text})
    message.set(SPACY_DOCS[TEXT], nlp(text))
    SpacyTokenizer(SpacyTokenizer.get_default_config()).process([message])
    config = {**CzechLemmatizer.get_default_config(), **(lemmatizer_config or {})}
    CzechLemmatizer(config).process([message])
    return message.get(TOKENS_NAMES[TEXT])


def test_fold():
    assert fold("Příchozí ŠIFROVÁNÍ") == "prichozi sifrovani"


def test_inflected_forms_share_a_folded_lemma(nlp):
    lemmas = [t.lemma for t in tokens_of(nlp, "Jaké účty mají schránky pošty?")]
    assert lemmas[:5] == ["jaky", "ucet", "mit", "schranka", "posta"]


def test_text_is_folded_and_offsets_kept(nlp):
    text = "Port pro IMAP šifrovaně"
    tokens = tokens_of(nlp, text)
    assert [t.text for t in tokens] == ["port", "pro", "imap", "sifrovane"]
    assert text[tokens[3].start : tokens[3].end] == "šifrovaně"  # entities are cut from here


def test_folding_only_variant_keeps_surface_forms(nlp):
    tokens = tokens_of(nlp, "porty serveru", {"lemmatize": False})
    assert [t.lemma for t in tokens] == ["porty", "serveru"]


def test_training_data_is_processed(nlp):
    message = Message(data={TEXT: "Hesla"})
    message.set(SPACY_DOCS[TEXT], nlp("Hesla"))
    SpacyTokenizer(SpacyTokenizer.get_default_config()).process([message])
    CzechLemmatizer(CzechLemmatizer.get_default_config()).process_training_data(
        TrainingData([message])
    )
    assert message.get(TOKENS_NAMES[TEXT])[0].lemma == "heslo"
