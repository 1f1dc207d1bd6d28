"""Support staff's loop: `make intent` → `make train` → the live bot answers the new question.

The running server swaps its model (scripts/swap_model.py → Rasa's PUT /model, loaded in a
thread by scripts/serve.py) while customers keep writing: no request fails or waits for the
load, a conversation in the middle of the walkthrough goes on where it was, and the new
intent is answered afterwards. Its own servers: a swapped model must not reach other tests.
"""

import time

import pytest

from scripts.swap_model import call, model_id, swap
from tests.customers import FACT, QUESTION, Customers
from tests.e2e.swap_probe import ANSWER, EXAMPLES, NAME
from tests.e2e.swap_probe import SWAP_TOKEN as TOKEN
from tests.polling import wait_until
from tests.stack import reply_text

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def new_model(swap_probe_training):
    """`make intent` and `make train` in a copy of the project (started with the session)."""
    print(f"training after make intent: {swap_probe_training.wait():.0f} s")
    return swap_probe_training.model


@pytest.fixture(scope="module")
def live(swap_stack):
    """A stack of its own, started with a copy of the model (tests/e2e/conftest.py)."""
    return swap_stack


def test_new_intent_is_answered_after_a_swap_nobody_notices(live, new_model):
    mid_walkthrough = "swap-walkthrough"
    assert "Krok 1 z 8" in reply_text(live.say(mid_walkthrough, "navod krok za krokem na lumii"))
    assert reply_text(live.say(NAME, EXAMPLES[0])) != ANSWER  # the old model cannot know it
    customers = Customers(live)
    customers.start()
    wait_until(lambda: len(customers.answered_at) >= 5, what="customers writing")
    started = time.monotonic()
    said = swap(new_model, f"http://localhost:{live.rasa_port}", TOKEN)
    swapped = time.monotonic()
    wait_until(lambda: sum(t > swapped for t in customers.answered_at) >= 5, what="after the swap")
    customers.stop()

    status = call(f"http://localhost:{live.rasa_port}/status", TOKEN)
    assert status["model_id"] == model_id(new_model), said
    assert customers.failures == []
    # The old model kept answering while the new one loaded: no request waited for the load.
    during = [t for t in customers.answered_at if started < t < swapped]
    assert len(during) >= (swapped - started) / 2, (len(during), swapped - started)
    assert [m["text"] for m in live.say("swap-new", EXAMPLES[4])] == [ANSWER]
    assert "Krok 2 z 8" in reply_text(live.say(mid_walkthrough, "hotovo"))
    assert "už tento model používá" in swap(new_model, f"http://localhost:{live.rasa_port}", TOKEN)


def test_a_wrong_token_changes_nothing(live, new_model):
    with pytest.raises(RuntimeError, match="token"):
        swap(new_model, f"http://localhost:{live.rasa_port}", "not-the-token")
    assert FACT in reply_text(live.say("swap-after-refusal", QUESTION))


def test_no_bot_up_means_the_model_waits_for_make_run(new_model):
    assert "make run" in swap(new_model, "http://localhost:5999", TOKEN)
