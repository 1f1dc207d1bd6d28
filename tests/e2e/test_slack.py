"""Slack against the running Rasa server: requests signed exactly as Slack signs them, the
bot's Web API calls caught by a local fake Slack API."""

import json
import time
import urllib.parse
import uuid

import pytest
from fake_slack import event, post, send_event, signed

from channels.markdown import to_mrkdwn, to_plain
from tests.polling import wait_until
from tests.responses import said

pytestmark = pytest.mark.e2e
QUESTION = "Jaký port pro IMAP se SSL?"


@pytest.fixture
def customer():
    suffix = uuid.uuid4().hex[:8].upper()
    return f"U{suffix}", f"D{suffix}"


def test_question_answered_with_the_same_facts_as_rest(stack, slack_api, customer, sender):
    user, channel = customer
    assert send_event(stack, user, channel, QUESTION) == 200
    [answer] = slack_api.wait_for_posts(channel, 1)
    [rest] = stack.say(sender, QUESTION)
    assert "**993**" in rest["text"] and rest["buttons"]
    # The same reply as REST's, bold in Slack's mrkdwn, plain in the notification text.
    assert (answer["channel"], answer["as_user"]) == (channel, True)
    assert answer["text"] == to_plain(rest["text"])
    section, actions = answer["blocks"]
    assert section["type"] == "section"
    assert section["text"] == {"type": "mrkdwn", "text": to_mrkdwn(rest["text"])}
    assert actions["type"] == "actions" and {b["type"] for b in actions["elements"]} == {"button"}
    assert [(b["text"]["text"], b["value"]) for b in actions["elements"]] == [
        (b["title"], b["payload"]) for b in rest["buttons"]
    ]
    assert slack_api.calls[-1]["authorization"] == "Bearer xoxb-e2e-token"


def test_forged_and_stale_requests_are_rejected(stack, slack_api, customer):
    user, channel = customer
    body = event(user, channel, QUESTION, "EvForged")
    forged = signed(body, int(time.time()), secret="not-the-signing-secret")
    assert post(stack, body, "application/json", forged) == 400
    stale = signed(body, int(time.time()) - 6 * 60)  # right secret, six minutes old
    assert post(stack, body, "application/json", stale) == 400
    tampered = signed(body, int(time.time()))
    assert post(stack, body.replace(b"IMAP", b"POP3"), "application/json", tampered) == 400
    # Nothing reached the bot: a real message afterwards is the only one answered.
    assert send_event(stack, user, channel, "ahoj") == 200
    # The forged events came first in this conversation: had one got through, its answer
    # would have been posted before the answer to "ahoj".
    assert len(slack_api.wait_for_posts(channel, 1)) == 1


def test_retried_event_is_answered_once(stack, slack_api, customer):
    user, channel = customer
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    assert send_event(stack, user, channel, QUESTION, event_id) == 200
    for attempt, reason in ((1, "http_timeout"), (2, "http_error")):
        retry = {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": reason}
        # 200: answered already; 409: still being answered, Slack tries again later
        assert send_event(stack, user, channel, QUESTION, event_id, retry) in (200, 409)
    # A later message of the same conversation is answered after anything still queued.
    assert send_event(stack, user, channel, "děkuji") == 200
    # The conversation's turns run in order: a second answer to the retried question would
    # come before the answer to "děkuji".
    wait_until(lambda: any("993" not in p["text"] for p in slack_api.posts(channel)), what="děkuji")
    posts = slack_api.posts(channel)
    assert sum("993" in p["text"] for p in posts) == 1, posts
    assert len(posts) == 2


def test_buttons_are_blocks_and_a_click_answers(stack, slack_api, customer):
    user, channel = customer
    assert send_event(stack, user, channel, "navod na nastaveni posty na lumii") == 200
    intro, step = slack_api.wait_for_posts(channel, 2)
    assert said([intro], "utter_walkthrough_intro_device")["device_where"] == "ve Windows Phone"
    section, actions = step["blocks"]
    assert section["type"] == "section" and section["text"]["type"] == "mrkdwn"
    assert section["text"]["text"].startswith("*Krok 1 z 8")
    [done] = [b["value"] for b in actions["elements"] if b["text"]["text"] == "Hotovo"]
    click = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": channel},
        "message": {"ts": "1.0"},
        "actions": [{"type": "button", "value": done}],
    }
    body = urllib.parse.urlencode({"payload": json.dumps(click)}).encode()
    assert (
        post(stack, body, "application/x-www-form-urlencoded", signed(body, int(time.time())))
        == 200
    )
    posts = slack_api.wait_for_posts(channel, 3)
    assert posts[2]["blocks"][0]["text"]["text"].startswith("*Krok 2 z 8")


def test_an_event_the_bot_could_not_answer_is_answered_on_slacks_retry(
    crash_stack, slack_api, customer
):
    user, channel = customer
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    crash_stack.stop_actions()
    try:  # the customer gets the apology; the event is not marked as answered
        assert send_event(crash_stack, user, channel, QUESTION, event_id) == 200
        assert "technické potíže" in slack_api.wait_for_posts(channel, 1)[0]["text"]
    finally:
        crash_stack.start_actions()
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert send_event(crash_stack, user, channel, QUESTION, event_id, retry) == 200
    assert "993" in slack_api.wait_for_posts(channel, 2)[1]["text"]
    assert send_event(crash_stack, user, channel, QUESTION, event_id, retry) == 200  # answered now
    assert len(slack_api.posts(channel)) == 2  # decided before the 200: nothing runs later
