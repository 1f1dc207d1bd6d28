"""A person answers in the same chat: handoff → the agents' thread in Slack (the local fake Web
API, events signed as Slack signs them) → the agent's words in the customer's widget
(Chromium) or REST reply, the customer's words in the thread, `!konec` back to the bot, the
call-back offer when nobody takes over."""

import json
import re
import time
import urllib.parse

import pytest
from fake_slack import SUPPORT_CHANNEL, post, signed
from playwright.sync_api import expect
from widget_browser import bot_says, type_message

from actions import knowledge
from tests.polling import stays, wait_until
from tests.responses import said
from tests.stack import reply_text

pytestmark = pytest.mark.e2e
LONG = 15_000  # the widget shows a bot message after a typing pause of up to 3 s each
AGENT, AGENT_NAME = "U0AGENTPETRA", "Petra Nováková"


@pytest.fixture(autouse=True)
def agent_profile(slack_api):
    slack_api.users[AGENT] = AGENT_NAME


def agent_says(stack, thread_ts, text, user=AGENT, secret=None) -> int:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T0HOSTING",
            "event_id": f"Ev{time.time_ns()}",
            "authorizations": [{"user_id": "U0BOT"}],
            "event": {
                "type": "message",
                "channel_type": "channel",
                "channel": SUPPORT_CHANNEL,
                "user": user,
                "text": text,
                "ts": f"{time.time():.6f}",
                "thread_ts": thread_ts,
            },
        }
    ).encode()
    headers = signed(body, int(time.time()), **({"secret": secret} if secret else {}))
    return post(stack, body, "application/json", headers)


def agent_clicks(stack, root_ts, value, user=AGENT) -> int:
    click = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": SUPPORT_CHANNEL},
        "message": {"ts": root_ts},
        "actions": [{"type": "button", "value": value}],
    }
    body = urllib.parse.urlencode({"payload": json.dumps(click)}).encode()
    return post(stack, body, "application/x-www-form-urlencoded", signed(body, int(time.time())))


def thread(slack_api, ts):
    return [
        call["payload"]["text"]
        for call in slack_api.calls
        if call["method"] == "chat.postMessage" and call["payload"].get("thread_ts") == ts
    ]


def wait_for_thread(slack_api, ts, pattern):
    wait_until(
        lambda: any(re.search(pattern, text) for text in thread(slack_api, ts)),
        what=f"{pattern!r} in the thread: {thread(slack_api, ts)}",
    )


def test_an_agent_takes_over_the_widget_chat_and_gives_it_back(stack, slack_api, page):
    page.goto(stack.page)
    page.locator(".rw-launcher").click()
    expect(bot_says(page, "^Dobrý den")).to_be_visible()
    type_message(page, "navod na nastaveni posty na lumii")
    expect(bot_says(page, "^Krok 1 z 8")).to_be_visible(timeout=LONG)
    page.wait_for_timeout(3000)  # the step's text and the offer are shown one after another
    type_message(page, "chci mluvit s clovekem")
    expect(bot_says(page, "čekáte na prvního volného")).to_be_visible(timeout=LONG)
    number = int(re.search(r"číslo (\d+)", bot_says(page, "čekáte").last.inner_text()).group(1))
    record = stack.handoff_record(number=number)
    assert record["state"] == "waiting" and record["channel"] == "socketio"

    assert agent_clicks(stack, record["slack_ts"], f"takeover:{number}") == 200
    expect(bot_says(page, f"Připojil se kolega {AGENT_NAME}")).to_be_visible(timeout=LONG)
    wait_for_thread(slack_api, record["slack_ts"], f"^{AGENT_NAME} převzal")

    sent = time.monotonic()
    assert agent_says(stack, record["slack_ts"], "Dobrý den, tady Petra. Co přesně nejde?") == 200
    expect(bot_says(page, "tady Petra")).to_be_visible(timeout=LONG)
    print(f"agent's reply shown in the widget after {time.monotonic() - sent:.2f} s")

    answers = bot_says(page, ".").count()
    type_message(page, "nejde mi odesilat, heslo je Tajne123")
    wait_for_thread(
        slack_api,
        record["slack_ts"],
        r"^\*Zákazník:\* nejde mi odesilat, heslo je \[heslo skryto\]$",
    )
    page.wait_for_timeout(1000)
    assert bot_says(page, ".").count() == answers  # the bot keeps quiet while Petra answers

    assert agent_says(stack, record["slack_ts"], "!konec") == 200
    expect(bot_says(page, "Kolega konverzaci ukončil")).to_be_visible(timeout=LONG)
    # After the handoff and again now: the walkthrough goes on at its step.
    expect(bot_says(page, "pokračujeme v návodu krokem 1 z 8")).to_have_count(2, timeout=LONG)
    type_message(page, "jaky port pro imap se ssl")
    expect(bot_says(page, "993")).to_be_visible(timeout=LONG)
    assert stack.handoff_record(number=number)["state"] == "closed"
    assert "Tajne123" not in json.dumps(slack_api.calls)


def test_a_rest_customer_reads_the_agent_with_the_next_reply(stack, slack_api, sender):
    assert "čekáte na prvního volného" in reply_text(stack.say(sender, "chci mluvit s clovekem"))
    record = stack.handoff_record(conversation=sender)
    # Writing in the thread takes the conversation, too.
    assert agent_says(stack, record["slack_ts"], "Zdravím, podívám se na to.") == 200
    wait_for_thread(slack_api, record["slack_ts"], "převzal")
    reply = stack.say(sender, "dekuji, cekam")
    assert said(reply, "utter_agent_joined") == {"agent": AGENT_NAME}
    assert "Zdravím, podívám se na to." in reply_text(reply)  # the agent's own words
    wait_for_thread(slack_api, record["slack_ts"], r"^\*Zákazník:\* dekuji, cekam$")
    [note] = [
        call["payload"]
        for call in slack_api.calls
        if call["payload"].get("thread_ts") == record["slack_ts"]
        and "převzal" in call["payload"].get("text", "")
    ]
    [button] = [element for block in note["blocks"] for element in block.get("elements", [])]
    assert agent_clicks(stack, record["slack_ts"], button["value"]) == 200
    wait_until(
        lambda: stack.handoff_record(number=record["id"])["state"] == "closed", what="closed"
    )
    said(stack.say(sender, "jaky port pro pop3"), "utter_agent_left")


def test_nobody_takes_over_in_time_the_customer_may_leave_an_address(stack, slack_api, sender):
    stack.say(sender, "chci mluvit s clovekem")
    record = stack.handoff_record(conversation=sender)
    wait_until(  # HANDOFF_TAKEOVER_SECONDS=12 in this stack, checked every second
        lambda: stack.handoff_record(conversation=sender)["state"] == "callback", 60, "callback"
    )
    reply = stack.say(sender, "jan.novak@firma.cz")
    callback_time = knowledge.load()["handoff"]["callback_time"]
    # The offer, pushed while no one was here, then the address taken.
    assert said(reply, "utter_callback_offer") == {"callback_time": callback_time}
    assert said(reply, "utter_callback_saved") == {
        "contact": "jan.novak@firma.cz",
        "callback_time": callback_time,
    }
    assert stack.handoff_record(conversation=sender)["contact"] == "jan.novak@firma.cz"
    wait_for_thread(slack_api, record["slack_ts"], "nepřevzal včas")
    wait_for_thread(slack_api, record["slack_ts"], "jan.novak@firma.cz")


def test_forged_or_foreign_agent_events_change_nothing(stack, slack_api, sender):
    stack.say(sender, "chci mluvit s clovekem")
    record = stack.handoff_record(conversation=sender)
    assert (
        agent_says(stack, record["slack_ts"], "Jsem kolega", secret="not-the-signing-secret") == 400
    )
    assert agent_says(stack, "1.000001", "Odpověď do cizího vlákna") == 200  # no handoff has it
    stays(lambda: stack.handoff_record(conversation=sender)["state"] == "waiting", what="waiting")
    reply = reply_text(stack.say(sender, "jaky port pro imap se ssl"))
    assert "993" in reply and "Jsem kolega" not in reply and "cizího" not in reply


def test_a_slack_customer_reads_the_agent_in_their_dm(stack, slack_api):
    from fake_slack import send_event

    customer, dm = "U0SLACKCUST", f"D0DM{time.time_ns() % 10**6}"
    assert send_event(stack, customer, dm, "chci mluvit s clovekem") == 200
    record = stack.handoff_record(conversation=customer)
    assert record["channel"] == "slack"
    assert agent_says(stack, record["slack_ts"], "Dobrý den, tady Petra ze Slacku.") == 200
    wait_until(lambda: any("tady Petra ze Slacku" in p["text"] for p in slack_api.posts(dm)))
    texts = [p["text"] for p in slack_api.posts(dm)]
    assert any(f"Připojil se kolega {AGENT_NAME}" in t for t in texts)
    assert any("tady Petra ze Slacku" in t for t in texts)
    assert send_event(stack, customer, dm, "diky, zkusim to") == 200
    wait_for_thread(slack_api, record["slack_ts"], r"^\*Zákazník:\* diky, zkusim to$")
