"""Write the credentials file Rasa starts with: credentials.yml, plus Slack when the
environment has SLACK_TOKEN and SLACK_SIGNING_SECRET.

Secrets stay in the environment: the file names them as ${SLACK_TOKEN}, which Rasa expands
when it reads the file. Optional: SLACK_CHANNEL (the one channel the bot listens in besides
direct messages and mentions), SLACK_USE_THREADS=true (answer in a thread), SLACK_API_URL.
CORS_ORIGINS (space-separated) are the pages whose widget may open the bot's socket.

usage: python scripts/credentials.py <out.yml>
"""

import os
import sys
from pathlib import Path
from typing import Any, Dict, Mapping

import yaml

ROOT = Path(__file__).resolve().parents[1]
SLACK_CHANNEL_CLASS = "channels.slack.HelpdeskSlackInput"
SOCKETIO_CHANNEL_CLASS = "channels.socketio.HelpdeskSocketIOInput"
TRUE = ("1", "true", "yes", "ano")


def slack_section(env: Mapping[str, str]) -> Dict[str, Any]:
    section: Dict[str, Any] = {
        "slack_token": "${SLACK_TOKEN}",
        "slack_signing_secret": "${SLACK_SIGNING_SECRET}",
        "use_threads": env.get("SLACK_USE_THREADS", "").lower() in TRUE,
        # Threads as separate conversations when the bot answers in threads.
        "conversation_granularity": "thread"
        if env.get("SLACK_USE_THREADS", "").lower() in TRUE
        else "sender",
    }
    if env.get("SLACK_CHANNEL"):
        section["slack_channel"] = env["SLACK_CHANNEL"]
    if env.get("SLACK_API_URL"):
        section["slack_api_url"] = env["SLACK_API_URL"]
    if env.get("SLACK_SUPPORT_CHANNEL"):  # the agents' console (channels/live_agent.py)
        section["support_channel"] = env["SLACK_SUPPORT_CHANNEL"]
    return section


def credentials(env: Mapping[str, str]) -> Dict[str, Any]:
    config = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    # The pages that may open the widget's socket: the same list as Rasa's --cors.
    config[SOCKETIO_CHANNEL_CLASS] = {
        **(config.get(SOCKETIO_CHANNEL_CLASS) or {}),
        "cors_origins": env.get("CORS_ORIGINS", "").split(),
    }
    if env.get("SLACK_TOKEN") and env.get("SLACK_SIGNING_SECRET"):
        config[SLACK_CHANNEL_CLASS] = slack_section(env)
    return config


def write(out: Path, env: Mapping[str, str]) -> Dict[str, Any]:
    config = credentials(env)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def main(out: str) -> None:
    config = write(Path(out), os.environ)
    channels = ", ".join(name.rsplit(".", 1)[-1] for name in config)
    print(f"Channels: {channels}")


if __name__ == "__main__":
    main(sys.argv[1])
