"""czech_nlu.diet.FastLoadingDIETClassifier predicts exactly what Rasa's own loading of the
same trained model predicts (the held-out messages: intents, confidences, entities)."""

import asyncio
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.loading import load_data

from czech_nlu.diet import FastLoadingDIETClassifier
from tests.inprocess import MODEL

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="no trained model: `make train`")


def holdout_texts():
    holdout = load_data(str(Path(__file__).parent / "nlu_holdout.yml"))
    return [example.get(TEXT) for example in holdout.intent_examples]


def predictions(agent):
    async def parse_all():
        return [await agent.parse_message(text) for text in holdout_texts()]

    return [
        (
            parsed["intent"]["name"],
            round(parsed["intent"]["confidence"], 5),
            [(e["entity"], e["value"], e["start"], e["end"]) for e in parsed["entities"]],
        )
        for parsed in asyncio.run(parse_all())
    ]


def test_the_fast_loading_predicts_as_rasas_loading(monkeypatch):
    fast = predictions(Agent.load(str(MODEL)))
    monkeypatch.setattr(
        FastLoadingDIETClassifier,
        "_load_model_class",
        classmethod(DIETClassifier._load_model_class.__func__),
    )
    assert predictions(Agent.load(str(MODEL))) == fast
    assert len(fast) > 100
