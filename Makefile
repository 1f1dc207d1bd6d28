# Czech hosting e-mail helpdesk bot. `make run` and `make test` do all set-up themselves.
SHELL := /bin/bash
PYTHON ?= python3.10
VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
MODEL := models/helpdesk.tar.gz
SPACY_CS := build/spacy_cs

export PYTHONPATH := $(CURDIR)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false

MODEL_INPUTS := config.yml domain.yml $(shell find data czech_nlu -name '*.yml' -o -name '*.py' 2>/dev/null)

.PHONY: run test install train validate unit e2e stories holdout bench shell clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade 'pip<24.1'

# Re-installs only when the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed $(SPACY_CS)/meta.json

$(SPACY_CS)/meta.json: scripts/make_spacy_cs.py | $(VENV)/.installed
	$(BIN)/python scripts/make_spacy_cs.py $(SPACY_CS)

# Trains only when data, config, domain or our NLU component changed.
$(MODEL): $(MODEL_INPUTS) | install
	$(RASA) train --fixed-model-name helpdesk --out models
	touch $@

train: $(MODEL)

validate: install
	$(RASA) data validate

run: $(MODEL)
	bash scripts/run.sh

shell: $(MODEL)
	$(RASA) shell -m $(MODEL)

unit: install
	$(BIN)/pytest -q -m "not e2e" tests

e2e: $(MODEL)
	$(BIN)/pytest -q -m e2e tests

stories: $(MODEL)
	rm -rf results/stories
	$(RASA) test core -m $(MODEL) --stories tests/ --fail-on-prediction-errors --out results/stories

holdout: $(MODEL)
	rm -rf results/holdout
	$(RASA) test nlu -m $(MODEL) --nlu tests/nlu_holdout.yml --out results/holdout
	$(BIN)/python scripts/holdout_gate.py results/holdout

test: validate unit stories holdout e2e

bench: $(MODEL)
	$(BIN)/python -m scripts.bench

clean:
	rm -rf build results models/*.tar.gz
