import os
import shutil
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from fake_slack import SIGNING_SECRET, SUPPORT_CHANNEL, FakeSlack
from playwright.sync_api import sync_playwright
from widget_browser import CHROMIUM, CHROMIUM_ARGS

from scripts.add_intent import add_intent
from tests.customers import Training, project_copy
from tests.e2e.swap_probe import ANSWER, EXAMPLES, NAME, SWAP_TOKEN
from tests.stack import MODEL, PYTHON, ROOT, Stack

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


def shell_session() -> "subprocess.CompletedProcess[str]":
    """`make shell` with no bot up (tests/e2e/test_make_shell.py): it starts servers of its own."""
    typed = "jaky port pro imap se ssl\nmoje heslo je Zelenina77\n"
    return subprocess.run(
        [PYTHON, "-m", "scripts.shell", "--url", "http://localhost:5999"],  # nothing there
        input=typed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        # as a developer's shell has it: the tests' own tracker store is not `make run`'s
        env={k: v for k, v in os.environ.items() if k != "ENDPOINTS"},
    )


@pytest.fixture(scope="session", autouse=True)
def own_servers(tmp_path_factory, slack_api, stack):
    """The servers of the tests that need their own, started in the background once the main
    stack is up and one after another, in the order the tests come: `make shell`'s, the
    model swap's and the one that is stopped and killed (whatever such a test leaves behind,
    the tests on `stack` do not see it). On two cores the first tests then wait for one stack,
    and the later ones find theirs up."""
    swap_dir = tmp_path_factory.mktemp("swap")
    swap_model = swap_dir / "helpdesk.tar.gz"  # the copy the server starts with (it is swapped)
    shutil.copy(MODEL, swap_model)
    swap = Stack(swap_dir, rasa_port=5110, action_port=5160, api_token=SWAP_TOKEN, model=swap_model)
    crash = Stack(
        tmp_path_factory.mktemp("crash"), rasa_port=5107, action_port=5157, env=stack_env(slack_api)
    )
    with ThreadPoolExecutor(max_workers=1) as worker:
        started = SimpleNamespace(
            shell=worker.submit(shell_session),
            swap=worker.submit(swap.start),
            crash=worker.submit(crash.start),
        )
        yield started
        for future in vars(started).values():
            future.exception()  # done or failed: either way, nothing is left running
        swap.stop()
        crash.stop()


@pytest.fixture(scope="session")
def crash_stack(own_servers):
    return own_servers.crash.result()


@pytest.fixture(scope="session")
def swap_stack(own_servers):
    return own_servers.swap.result()


@pytest.fixture(scope="session")
def shell_run(own_servers):
    return own_servers.shell.result()


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
