# Czech hosting e-mail helpdesk bot. `make run` and `make test` do all set-up themselves.
SHELL := /bin/bash
# The interpreter: Debian 12's 3.11, patched by the OS and faster here than 3.10 in every figure
# but memory (make bench-interpreters, docs/performance.md); 3.10 where there is no 3.11. Rasa
# 3.6 declares <3.11: the install handles it (see PY311 below). PYTHON=python3.10 picks 3.10.
PYTHON ?= $(or $(wildcard /usr/bin/python3.11),$(shell command -v python3.11 2>/dev/null),python3.10)
VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
MODEL := models/helpdesk.tar.gz
SPACY_CS := build/spacy_cs
WEBCHAT := web/node_modules/rasa-webchat/lib/index.js
WIDGET := web/build/webchat.js

export PYTHONPATH := $(CURDIR)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
# Rasa's own training cache (content-addressed: a component is trained again only when its
# inputs changed), kept outside the checkout so a fresh clone reuses what this machine trained;
# one per interpreter, so that each trains (and loads) only what it made itself.
PY_VERSION := $(shell $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
export RASA_CACHE_DIRECTORY ?= $(HOME)/.cache/helpdesk-bot/rasa-$(PY_VERSION)

MODEL_INPUTS := config.yml domain.yml $(shell find data czech_nlu -name '*.yml' -o -name '*.py' 2>/dev/null)

.DEFAULT_GOAL := help

.PHONY: help run test test-scale install train validate lint unit e2e stories holdout crossval intent examples inbox report conversations staff-user transcript purge bench bench-interpreters shell clean

# This list: every target with the comment above it.
help:
	@awk '/^# / { if (!note) note = substr($$0, 3); next } \
	     /^[a-z][a-z0-9-]*:/ { split($$0, t, ":"); printf "  make %-14s %s\n", t[1], note } \
	     { note = "" }' $(MAKEFILE_LIST)

UV_VERSION := 0.13.9

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade 'pip<24.1' uv==$(UV_VERSION)

# Rasa 3.6 declares Python <3.11 but runs on 3.11, where the venv's install takes four more
# things: pip told to ignore that bound (uv ignores it itself); requirements-py311.txt, what
# Rasa asks for only below 3.11; matplotlib built from source (no cp311 wheel) against
# Debian's FreeType and Qhull (mplsetup.cfg; .ci/run installs the -dev packages); its build
# environment pinned by constraints-build.txt. Nothing of it on 3.10.
PY311 = $(shell $(BIN)/python -c 'import sys; print("1" if sys.version_info >= (3, 11) else "")' 2>/dev/null)
PY311_BUILD = MPLSETUPCFG=$(CURDIR)/mplsetup.cfg
PY311_FILES := $(if $(PY311),requirements-py311.txt constraints-build.txt mplsetup.cfg)

# uv installs the same pinned packages as pip in a third of the time (docs/performance.md);
# pip does it when uv cannot.
INSTALL = $(if $(PY311),$(PY311_BUILD)) $(BIN)/uv pip install --quiet --python $(BIN)/python \
	  -r $(1) -c constraints.txt \
	  $(if $(PY311),-r requirements-py311.txt --build-constraints constraints-build.txt) || \
	$(if $(PY311),$(PY311_BUILD) PIP_CONSTRAINT=$(CURDIR)/constraints-build.txt) $(BIN)/pip install --quiet \
	  -r $(1) -c constraints.txt $(if $(PY311),--ignore-requires-python -r requirements-py311.txt)

# What the bot needs to train and run; re-installs only when the pinned requirements change.
$(VENV)/.installed: requirements.txt constraints.txt $(PY311_FILES) | $(BIN)/python
	$(call INSTALL,requirements.txt)
	touch $@

# ...and what the tests and `make lint` need on top.
$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(call INSTALL,requirements-dev.txt)
	touch $@

# Sets everything up: the venv, the Czech spaCy model, the widget bundle.
install: $(VENV)/.installed $(SPACY_CS)/meta.json $(WIDGET)

# The widget page's rasa-webchat bundle, exactly as web/package-lock.json pins it.
$(WEBCHAT): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# ...as the page loads it: no request to any host but the bot's own.
$(WIDGET): $(WEBCHAT) scripts/widget_bundle.py | $(VENV)/.installed
	$(BIN)/python scripts/widget_bundle.py $(WEBCHAT) $@

$(SPACY_CS)/meta.json: scripts/make_spacy_cs.py | $(VENV)/.installed
	$(BIN)/python scripts/make_spacy_cs.py $(SPACY_CS)

# Trains only when data, config, domain or our NLU component changed. Rasa's own check of
# the data is skipped here (6 s of each training): `make validate`, in `make test`, is stricter.
$(MODEL): $(MODEL_INPUTS) | $(VENV)/.installed $(SPACY_CS)/meta.json
	$(RASA) train --skip-validation --fixed-model-name helpdesk --out models
	touch $@

# Trains the model when data, config, domain or our NLU component changed; the bot of
# `make run`, when up, answers with it at once (no restart, scripts/swap_model.py).
train: $(MODEL)
	@$(BIN)/python -m scripts.swap_model --model $(MODEL)

# rasa data validate, failing on warnings (see scripts/validate.py for the one exception).
validate: $(VENV)/.installed
	$(BIN)/python scripts/validate.py

# Action server :5055, Rasa :5005 (REST, widget socket, Slack), widget page :8080, staff console :8090.
run:
	@$(MAKE) --no-print-directory -j2 $(MODEL) $(WIDGET)  # the widget's npm beside pip and training
	bash scripts/run.sh

# Chat in the terminal through the guarded REST channel (the bot of `make run` when it is up).
shell: $(MODEL)
	@$(BIN)/python -m scripts.shell

# ruff (format and lint) and mypy on our code: settings in pyproject.toml.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

# The unit tests, the conversation sets played in process (trains first when needed), no npm.
unit: $(MODEL) $(VENV)/.installed-dev
	$(BIN)/pytest -q -m "not e2e and not scale" tests

# End-to-end tests against the real servers (REST, widget, Slack, live agent).
e2e: $(MODEL) $(WIDGET) $(VENV)/.installed-dev
	$(BIN)/pytest -q -m e2e tests

# Rasa test stories (tests/test_*.yml), failing on any prediction error.
stories: $(MODEL)
	rm -rf results/stories
	$(RASA) test core -m $(MODEL) --stories tests/ --fail-on-prediction-errors --out results/stories

# The held-out NLU examples, with accuracy and F1 gates.
holdout: $(MODEL)
	rm -rf results/holdout
	$(RASA) test nlu -m $(MODEL) --nlu tests/nlu_holdout.yml --out results/holdout
	$(BIN)/python scripts/nlu_report.py results/holdout --gate

# Everything CI checks on one machine (plus `make test-scale`). Lint and the data check beside
# training; then the end-to-end tests (mostly waiting on servers and timers) on one core while
# the unit tests, the test stories and the held-out gate take turns on the other.
test:
	@$(MAKE) --no-print-directory -j2 lint validate $(MODEL) $(WIDGET)
	@$(MAKE) --no-print-directory -j2 --output-sync=target e2e unit stories holdout

# Several Rasa servers: PostgreSQL + Redis from Debian's packages, two Rasa servers, one
# action server (endpoints.production.yml).
test-scale: $(MODEL) $(VENV)/.installed-dev
	$(BIN)/pytest -q -m scale tests

# 5-fold cross-validation on data/ (folds from a fixed seed): reports, confusion matrix and histogram PNGs.
crossval: $(VENV)/.installed $(SPACY_CS)/meta.json
	rm -rf reports/crossval
	$(BIN)/python -m scripts.crossval reports/crossval
	$(BIN)/python scripts/nlu_report.py reports/crossval

# Support staff add a question: make intent NAME=ask_webmail EXAMPLES=file.txt RESPONSE="..."
intent: $(VENV)/.installed
	@test -n "$(NAME)" -a -n "$(EXAMPLES)" -a -n "$(RESPONSE)" || \
	  { echo 'usage: make intent NAME=<snake_case> EXAMPLES=<file> RESPONSE="<Czech answer>"'; exit 2; }
	$(BIN)/python scripts/add_intent.py "$(NAME)" "$(EXAMPLES)" "$(RESPONSE)"

# More ways to ask a known question, e.g. a group exported by `make inbox`.
examples: $(VENV)/.installed
	@test -n "$(INTENT)" -a -n "$(FILE)" || { echo 'usage: make examples INTENT=<name> FILE=<file>'; exit 2; }
	$(BIN)/python scripts/add_intent.py --existing "$(INTENT)" "$(FILE)"

# What the bot missed, grouped: make inbox [SINCE=2026-11-01] [UNTIL=...] [EXPORT=3 OUT=file.txt]
inbox: $(VENV)/.installed
	@$(BIN)/python scripts/inbox.py $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL)) \
	  $(if $(EXPORT),--export $(EXPORT) --out $(OUT))

# Helpdesk report: make report [SINCE=2026-11-01] [UNTIL=...] -> reports/helpdesk.html
report: $(VENV)/.installed
	@$(BIN)/python scripts/report.py $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL))

# The realistic conversations of tests/conversations/ (or CASES=file) against `make run`.
conversations: $(VENV)/.installed
	$(BIN)/python -m tests.conversations.evaluate -v $(if $(URL),--url $(URL)) $(if $(CASES),--cases $(CASES))

# A staff login of the console (:8090), or a new password: make staff-user EMAIL=vy@firma.cz
staff-user: $(VENV)/.installed
	@test -n "$(EMAIL)" || { echo 'usage: make staff-user EMAIL=<e-mail>'; exit 2; }
	@$(BIN)/python -m scripts.staff_user "$(EMAIL)"

# One conversation, passwords redacted: make transcript ID=<conversation id>
transcript: $(VENV)/.installed
	@test -n "$(ID)" || { echo 'usage: make transcript ID=<conversation id>'; exit 2; }
	@$(BIN)/python -m scripts.transcript "$(ID)"

# Deletes conversations idle for more than DAYS days and older handoff records (default 90;
# `make run` does the same at start and daily with RETENTION_DAYS).
purge: $(VENV)/.installed
	@$(BIN)/python -m scripts.purge $(if $(DAYS),--days $(DAYS))

# Latency, throughput and memory figures -> reports/bench.json.
bench: $(MODEL)
	$(BIN)/python -m scripts.bench

# Python 3.10 and 3.11 side by side (fresh clones): install, training, load, latency, RSS.
bench-interpreters:
	$(PYTHON) scripts/bench_interpreters.py

# Removes build output, results and trained models.
clean:
	rm -rf build results models/*.tar.gz
