import uuid

import pytest
from console_client import Console, project_copy
from fake_slack import SIGNING_SECRET, SUPPORT_CHANNEL, FakeSlack

from tests.services import Postgres, Redis
from tests.stack import MODEL, ROOT, Stack

PG_PORT, REDIS_PORT = 5434, 6391
CONSOLE_PORT = 5490
MODEL_TOKEN = "scale-model-token"
PULL_SECONDS = 3
FIRST_PORT, SECOND_PORT, WIDGET_PORT = 5405, 5406, 5480
BOT_URL = f"http://localhost:{FIRST_PORT}"


@pytest.fixture(scope="session")
def slack_api():
    fake = FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def production_env(slack_api):
    """The environment endpoints.production.yml is read with (and Slack, faked)."""
    return {
        "ACTION_SERVER_URL": "http://localhost:5455/webhook",
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(PG_PORT),
        "DB_NAME": "helpdesk",
        "DB_USER": "helpdesk",
        "DB_PASSWORD": "",
        "DB_LOGIN_DB": "postgres",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": str(REDIS_PORT),
        "REDIS_PASSWORD": "",
        "REDIS_DB": "1",
        "SLACK_TOKEN": "xoxb-scale",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_api.url,
        "SLACK_SUPPORT_CHANNEL": SUPPORT_CHANNEL,
        "OFFICE_HOURS": "always",  # the same answers whatever the hour CI runs at
        "MODEL_SERVER_URL": f"http://localhost:{CONSOLE_PORT}/model",
        "MODEL_SERVER_TOKEN": MODEL_TOKEN,
        "MODEL_PULL_SECONDS": str(PULL_SECONDS),
    }


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of its own, on PG_PORT."""
    server = Postgres(PG_PORT)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A Redis server of its own, on REDIS_PORT: the lock store tests need nothing else."""
    server = Redis(tmp_path_factory.mktemp("redis"), REDIS_PORT)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def console(tmp_path_factory, production_env, postgres):
    """The staff console, the servers' model server, on a trainable copy of the project (a
    git checkout) whose `make train` model is the one the servers start with."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    workdir = tmp_path_factory.mktemp("console")
    project = project_copy(workdir / "project", git=True, trainable=True)
    # its chat pane talks to the first Rasa server
    env = {**production_env, "CONSOLE_MODEL_TOKEN": MODEL_TOKEN, "CONSOLE_BOT_URL": BOT_URL}
    server = Console(project, ROOT / "endpoints.production.yml", CONSOLE_PORT, env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def servers(tmp_path_factory, production_env, postgres, redis_server, console):
    """Two Rasa servers sharing PostgreSQL and Redis, one action server; their model comes
    from the console. The widget page talks to the second."""
    workdir = tmp_path_factory.mktemp("scale")
    env = production_env
    production = ROOT / "endpoints.production.yml"
    first = Stack(workdir / "a", FIRST_PORT, action_port=5455, env=env, endpoints=production)
    second = Stack(
        workdir / "b", SECOND_PORT, 5455, web_port=WIDGET_PORT, env=env, endpoints=production
    )
    try:
        first.start_actions()
        first.start_rasa()
        second.start_rasa()
        second.start_web()
        yield first, second
    finally:
        second.stop()
        first.stop()


@pytest.fixture
def sender():
    return f"scale-{uuid.uuid4().hex[:10]}"
