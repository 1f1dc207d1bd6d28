#!/usr/bin/env bash
# Starts the action server (:5055), Rasa (:5005: REST, socketio, Slack when configured),
# the widget page (:8080) and the staff console (:8090) in the foreground; Ctrl-C stops
# all. Called by `make run` after install and training.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
# Rasa's tracker store; the action server keeps its handoff records in the same database.
export ENDPOINTS=${ENDPOINTS:-endpoints.yml}
# Origins whose pages may talk to the bot, over HTTP (--cors) and the widget's socket
# (scripts/credentials.py): the widget page; add the customer's real site.
export CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}
mkdir -p var
# Rasa's HTTP API (conversations, model swap by `make train`) only with a token: RASA_API_TOKEN,
# else a random one kept in var/api_token, readable by this user only. scripts/serve.py hands
# it to Rasa inside the process, never on a command line; no other server gets it.
if [ -z "${RASA_API_TOKEN:-}" ]; then
  [ -s var/api_token ] || (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))' >var/api_token)
  RASA_API_TOKEN=$(cat var/api_token)
fi

"$BIN/python" scripts/credentials.py var/credentials.yml
# endpoints.yml names the action server on :5055; on another port, a copy that names it.
if [ "$ENDPOINTS" = endpoints.yml ] && [ "$ACTION_PORT" != 5055 ]; then
  sed "s#localhost:5055/#localhost:$ACTION_PORT/#" endpoints.yml >"var/endpoints-$ACTION_PORT.yml"
  export ENDPOINTS="var/endpoints-$ACTION_PORT.yml"
fi

pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# Conversations idle for longer than RETENTION_DAYS are deleted, at start and then daily.
RETENTION_DAYS=${RETENTION_DAYS:-90}
"$BIN/python" -m scripts.purge --days "$RETENTION_DAYS" --every 86400 &
pids+=($!)
"$BIN/rasa" run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)
# The staff console (its own port; it never gets the bot's API token). Rasa pulls its model
# from it (`models:`, Rasa's model server): what staff published there, or `make train`'s
# model when that is newer (console/models.py). It is up before Rasa asks for the first one.
CONSOLE_PORT=${CONSOLE_PORT:-8090}
if [ -z "${CONSOLE_MODEL_TOKEN:-}" ]; then
  [ -s var/model_token ] || (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))' >var/model_token)
  CONSOLE_MODEL_TOKEN=$(cat var/model_token)
fi
env -u RASA_API_TOKEN CONSOLE_PORT="$CONSOLE_PORT" CONSOLE_MODEL_TOKEN="$CONSOLE_MODEL_TOKEN" \
  CONSOLE_BOT_URL="http://localhost:$RASA_PORT" "$BIN/python" -m console >/dev/null &
pids+=($!)
if ! grep -q '^models:' "$ENDPOINTS"; then
  (umask 077 && { cat "$ENDPOINTS"; printf '\nmodels:\n  url: http://localhost:%s/model\n  token: %s\n  wait_time_between_pulls: %s\n' \
    "$CONSOLE_PORT" "$CONSOLE_MODEL_TOKEN" "${MODEL_PULL_SECONDS:-10}"; } >"var/endpoints-run-$RASA_PORT.yml")
  ENDPOINTS_RASA="var/endpoints-run-$RASA_PORT.yml"
fi
"$BIN/python" - "$CONSOLE_PORT" <<'PY'
import sys, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen(f"http://localhost:{sys.argv[1]}/prihlaseni", timeout=2)
        break
    except OSError:
        time.sleep(0.5)
PY
# shellcheck disable=SC2086  # CORS_ORIGINS is a space-separated list
RASA_API_TOKEN=$RASA_API_TOKEN "$BIN/python" -m scripts.serve run -m models/helpdesk.tar.gz --port "$RASA_PORT" \
  --credentials var/credentials.yml --endpoints "${ENDPOINTS_RASA:-$ENDPOINTS}" --cors $CORS_ORIGINS &
pids+=($!)
"$BIN/python" -m http.server "$WEB_PORT" --directory web >/dev/null 2>&1 &
pids+=($!)
echo "Bot: http://localhost:$RASA_PORT/webhooks/rest/webhook, widget: http://localhost:$WEB_PORT/, console: http://localhost:$CONSOLE_PORT/ (Ctrl-C stops everything)"
wait -n "${pids[@]}"
