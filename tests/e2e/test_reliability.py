"""Secrets, a dead action server and 50 concurrent conversations, against the running stack."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from fake_slack import send_event
from socket_client import socketio_say

from actions import knowledge
from channels.guard import NOTES
from tests.responses import said
from tests.stack import reply_text

pytestmark = pytest.mark.e2e
SECRETS = ["Kocicka77x", "tajnyklic", "Xy12abQ", "Lumia2024Slack", "Z3br4Socket"]


async def test_typed_passwords_are_in_no_file_the_stack_wrote(stack, slack_api, sender):
    replies = [
        stack.say(sender, f"heslo je {SECRETS[0]}"),
        stack.say(sender, f"moje heslo je {SECRETS[1]}"),
        stack.say(sender, f"heslo: {SECRETS[2]}"),
    ]
    assert send_event(stack, "U0SECRET", "D0SECRET", f"moje heslo je {SECRETS[3]}") == 200
    replies.append(await socketio_say(stack, uuid.uuid4().hex, f"heslo je {SECRETS[4]}, co ted?"))
    for reply in replies:
        said(reply, "utter_password_warning")
    # A handoff record with the transcript.
    said(stack.say(sender, "chci mluvit s clovekem"), "utter_handoff_confirm")
    said(slack_api.wait_for_posts("D0SECRET", 1), "utter_password_warning")
    stack.handoff_record(conversation=sender)  # its Slack post has left, the record is complete
    written = [path for path in stack.workdir.rglob("*") if path.is_file()]
    assert {"tracker.db", "rasa.log", "actions.log"} <= {p.name for p in written}
    for path in written:
        content = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in content, f"{secret} in {path.name}"
    for secret in SECRETS:  # the handoff post's transcript, the Slack customer's answer
        assert secret not in str(slack_api.calls)


def test_action_server_down_gets_an_apology_then_recovers(crash_stack, sender):
    assert "**993**" in reply_text(crash_stack.say(sender, "jaky port pro imap se ssl"))
    crash_stack.stop_actions()
    try:
        reply = reply_text(crash_stack.say(sender, "a bez ssl?"))
        # An apology and where to turn instead, not silence.
        assert reply == NOTES["no_reply"] + knowledge.load()["support_contact"]
    finally:
        crash_stack.start_actions()
    assert "**143**" in reply_text(crash_stack.say(sender, "a bez ssl?"))


def conversation(stack, number: int):
    """Ten turns that end in a state of this conversation's own: walkthrough step k + 1
    (at most step 6: step 7 asks a question of its own)."""
    sender = f"load-{number}-{uuid.uuid4().hex[:6]}"
    done = number % 6
    turns = (
        ["navod na nastaveni posty na lumii"]
        + ["hotovo"] * done
        + ["jaky port pro pop3 bez ssl"] * (8 - done)
        + ["pokracuj"]
    )
    replies = [reply_text(stack.say(sender, text)) for text in turns]
    return done, replies


def test_fifty_concurrent_conversations_keep_their_own_state(stack):
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda n: conversation(stack, n), range(50)))
    for done, replies in results:
        assert len(replies) == 10 and all(replies)
        for reply in replies[1 + done : 9]:
            assert "**110**" in reply and f"krokem {done + 1} z 8" in reply
        assert replies[-1].startswith(f"**Krok {done + 1} z 8")
