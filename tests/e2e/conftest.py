import uuid

import pytest

from fake_slack import SIGNING_SECRET, SUPPORT_CHANNEL, FakeSlack
from scripts.stack import MODEL, Stack

API_TOKEN = "e2e-api-token-7c1f"


@pytest.fixture(scope="session")
def slack_api():
    """Slack's Web API as the bot and the handoff see it: a local fake that records calls."""
    fake = FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, slack_api):
    """One action server, one Rasa server (REST, socketio, Slack) and the widget page."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    env = {
        "SLACK_TOKEN": "xoxb-e2e-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_api.url,
        "SLACK_SUPPORT_CHANNEL": SUPPORT_CHANNEL,
    }
    running = Stack(
        tmp_path_factory.mktemp("stack"), web_port=5180, env=env, debug=True, api_token=API_TOKEN
    ).start()
    yield running
    running.stop()


@pytest.fixture
def sender():
    return f"e2e-{uuid.uuid4().hex[:10]}"
