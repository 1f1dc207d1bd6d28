import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from fake_slack import SIGNING_SECRET, SUPPORT_CHANNEL, FakeSlack
from playwright.sync_api import sync_playwright
from widget_browser import CHROMIUM, CHROMIUM_ARGS

from scripts.add_intent import add_intent
from tests.customers import Training, project_copy
from tests.e2e.swap_probe import ANSWER, EXAMPLES, NAME
from tests.stack import MODEL, Stack

API_TOKEN = "e2e-api-token-7c1f"
PROBE_EPOCHS = 20


@pytest.fixture(scope="session")
def slack_api():
    """Slack's Web API as the bot and the handoff see it: a local fake that records calls."""
    fake = FakeSlack()
    yield fake
    fake.stop()


def stack_env(slack_api):
    return {
        "SLACK_TOKEN": "xoxb-e2e-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_api.url,
        "SLACK_SUPPORT_CHANNEL": SUPPORT_CHANNEL,
        "OFFICE_HOURS": "always",  # agents may take over whatever the hour CI runs at
        "HANDOFF_TAKEOVER_SECONDS": "12",  # then the call-back offer (tests/e2e/test_live_agent.py)
        "HANDOFF_SWEEP_SECONDS": "1",
    }


@pytest.fixture(scope="session")
def stack(tmp_path_factory, slack_api):
    """One action server, one Rasa server (REST, socketio, Slack) and the widget page."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    env = stack_env(slack_api)
    running = Stack(
        tmp_path_factory.mktemp("stack"), web_port=5180, env=env, debug=True, api_token=API_TOKEN
    ).start()
    yield running
    running.stop()


@pytest.fixture(scope="session", autouse=True)
def crash_stack_starting(tmp_path_factory, slack_api, stack):
    """Servers of their own for the tests that stop or kill one (whatever such a test leaves
    behind, the tests on `stack` do not see it), started once the main stack is up: on two
    cores the first tests then wait for one stack, not for three servers and a training."""
    crash = Stack(
        tmp_path_factory.mktemp("crash"), rasa_port=5107, action_port=5157, env=stack_env(slack_api)
    )
    starting = ThreadPoolExecutor(max_workers=1).submit(crash.start)
    yield starting
    starting.exception()  # started or failed: either way, nothing is left running
    crash.stop()


@pytest.fixture(scope="session")
def crash_stack(crash_stack_starting):
    return crash_stack_starting.result()


@pytest.fixture(scope="session", autouse=True)
def swap_probe_training(tmp_path_factory, stack):
    """`make intent` + `make train` for tests/e2e/test_model_swap.py, training while the
    first tests run (once the main stack is up)."""
    project = project_copy(tmp_path_factory.mktemp("project"))
    # The swap is under test, not the model: half the epochs (the probe's intent is learnt
    # long before) leave both cores to the stacks starting beside it.
    config = project / "config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("epochs: 40", f"epochs: {PROBE_EPOCHS}"),
        encoding="utf-8",
    )
    add_intent(NAME, EXAMPLES, ANSWER, project)
    training = Training(project)
    yield training
    if training.process.poll() is None:
        training.process.kill()


@pytest.fixture
def sender():
    return f"e2e-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def page(stack, tmp_path):
    """The widget page in chromium; a screenshot of the end state is kept with the test."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"no chromium at {CHROMIUM}: `.ci/run` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="cs-CZ")
        page.set_default_timeout(30_000)
        yield page
        page.screenshot(path=str(tmp_path / "widget.png"))
        browser.close()


def pytest_collection_modifyitems(items):
    """Everything here needs real servers: `make unit` never runs it, marked or not."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.e2e)
