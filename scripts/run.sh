#!/usr/bin/env bash
# Starts the action server (:5055) and Rasa (:5005, REST channel) in the foreground; Ctrl-C
# stops both. Called by `make run` after install and training.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:8080}
mkdir -p var

pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

"$BIN/rasa" run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)
"$BIN/rasa" run -m models/helpdesk.tar.gz --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml --cors "$CORS_ORIGINS" &
pids+=($!)
echo "Bot: http://localhost:$RASA_PORT/webhooks/rest/webhook (Ctrl-C stops everything)"
wait -n "${pids[@]}"
