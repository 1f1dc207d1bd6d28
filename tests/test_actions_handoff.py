import json
import re
import sqlite3
import time

import pytest
from conftest import bot_event, make_tracker, run_action, shown, use_tracker_db, user_event
from fake_slack import FakeSlack

from actions import knowledge
from actions.dispatcher import ActionRespond
from stores import handoffs

HANDOFF = knowledge.load()["handoff"]

SECRET = "Lumia2024x"
CONVERSATION = [
    user_event("prisel mi tiket open smtp", "open_smtp_ticket", "socketio"),
    bot_event("Ticket „Open SMTP“ znamená…"),
    user_event(f"heslo je {SECRET}", "share_password", "socketio"),
    bot_event("Heslo prosím nikomu nepište…"),
    user_event("chci mluvit s clovekem", "request_human", "socketio"),
]


def records(path):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM handoffs ORDER BY id")]


def names_number(text, number):
    return re.search(rf"\b{number}\b", text) is not None


def test_request_says_the_true_state_first_stores_and_offers_a_call_back(domain, handoff_db):
    tracker = make_tracker(
        "chci mluvit s clovekem",
        "request_human",
        slots={"walkthrough_step": 5.0},
        events=CONVERSATION,
    )
    replies, events = run_action(ActionRespond(), tracker, domain)
    # No agents' console (Slack) here: nobody can join the chat. That is said first, with no
    # "předám Vás" before it; then the number to quote and the call-back offer (the address
    # or phone number it asks for is what the next message is taken as: events below).
    [handed_over] = replies
    assert handed_over.startswith("Kolegové z technické podpory se teď do chatu připojit nemohou")
    assert names_number(handed_over, 1) and HANDOFF["callback_time"] in handed_over
    [record] = records(handoff_db)
    assert record["state"] == "callback"
    assert record["conversation_id"] == "test-user"
    assert record["channel"] == "socketio"
    assert record["reason"] == "request"
    assert record["topic"] == "Ticket Open SMTP"
    assert record["walkthrough_step"] == 5
    transcript = json.loads(record["transcript"])
    assert [line["who"] for line in transcript] == [
        "zákazník",
        "bot",
        "zákazník",
        "bot",
        "zákazník",
    ]
    assert transcript[2]["text"] == "heslo je [heslo skryto]"
    assert SECRET not in handoff_db.read_text(errors="ignore")
    assert events == [
        {"event": "slot", "name": "pending_question", "value": "callback_email", "timestamp": None}
    ]


def test_a_second_request_keeps_the_open_record_and_its_number(domain, handoff_db):
    tracker = make_tracker("operator", "request_human", events=CONVERSATION)
    run_action(ActionRespond(), tracker, domain)
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert replies[0] == shown(
        domain, "utter_handoff_again", handoff_number=1, response_time=HANDOFF["response_time"]
    )
    assert [r["id"] for r in records(handoff_db)] == [1]
    handoffs.update(1, state=handoffs.CLOSED)  # the agent gave it back: a new request is new
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert names_number(replies[0], 2) and [r["id"] for r in records(handoff_db)] == [1, 2]


def test_transcript_keeps_only_the_last_turns(domain, handoff_db):
    chatter = [user_event(f"zprava {n}", "greet") for n in range(30)]
    run_action(ActionRespond(), make_tracker("operator", "request_human", events=chatter), domain)
    transcript = json.loads(records(handoff_db)[0]["transcript"])
    assert len(transcript) == 12 and transcript[-1]["text"] == "zprava 29"
    assert records(handoff_db)[0]["topic"] == "neurčeno"


def test_in_office_hours_the_record_waits_for_an_agent_in_slack(domain, handoff_db, monkeypatch):
    slack = FakeSlack()
    monkeypatch.setenv("SLACK_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SUPPORT_CHANNEL", "C0SUPPORT")
    monkeypatch.setenv("SLACK_API_URL", slack.url)
    monkeypatch.setenv("OFFICE_HOURS", "always")
    tracker = make_tracker(
        "operator", "request_human", slots={"walkthrough_step": 3.0}, events=CONVERSATION
    )
    try:
        replies, events = run_action(ActionRespond(), tracker, domain)
        [post] = slack.wait_for_posts("C0SUPPORT", 1)
        for _ in range(50):  # the post's ts is stored once Slack answered
            if records(handoff_db)[0]["slack_ts"]:
                break
            time.sleep(0.05)
    finally:
        slack.stop()
    # Told the number and the wait for an agent, who writes in this chat: no call-back offer.
    confirmed, waiting = replies
    assert confirmed == shown(domain, "utter_handoff_confirm")
    assert names_number(waiting, 1) and HANDOFF["waiting_time"] in waiting
    assert events == [
        {"event": "slot", "name": "pending_question", "value": None, "timestamp": None}
    ]
    [record] = records(handoff_db)
    assert record["state"] == "waiting"
    assert (record["slack_channel"], record["slack_ts"]) == (
        "C0SUPPORT",
        slack.posted_ts("C0SUPPORT")[0],
    )
    assert slack.calls[0]["authorization"] == "Bearer xoxb-test"
    # What an agent needs to act, wherever Slack shows it: who, why, where in the guide.
    assert post["channel"] == "C0SUPPORT"
    assert "1" in post["text"] and "Ticket Open SMTP" in post["text"]  # notification line
    summary, transcript = (block["text"]["text"] for block in post["blocks"][:2])
    for fact in ("1", "Ticket Open SMTP", "požádal o člověka", "test-user", "socketio", "3 z 8"):
        assert fact in summary, fact
    # The conversation in order, the customer's password never in it.
    said = [line.split(":* ", 1)[1] for line in transcript.splitlines()]
    assert said[0] == "prisel mi tiket open smtp" and said[-1] == "chci mluvit s clovekem"
    assert "heslo je [heslo skryto]" in said and SECRET not in transcript
    # One button takes this very handoff over (channels/live_agent.py reads its value).
    [button] = [e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["action_id"] == "takeover" and button["value"].endswith(":1")
    assert "!konec" in json.dumps(post["blocks"], ensure_ascii=False)


def test_one_misunderstanding_offers_topics(domain, handoff_db):
    events = [user_event("blabla", "nlu_fallback")]
    tracker = make_tracker("blabla", "nlu_fallback", events=events)
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert replies[0].startswith(shown(domain, "utter_fallback"))  # with topic buttons
    assert events == [{"event": "rewind", "timestamp": None}]


def test_two_misunderstandings_offer_a_person(domain, handoff_db):
    # The first message fell back: the fallback's revert (rewind) follows it.
    events = [
        user_event("blabla", "nlu_fallback"),
        bot_event("Promiňte…"),
        {"event": "rewind"},
        user_event("xyz qwe", "nlu_fallback"),
    ]
    tracker = make_tracker("xyz qwe", "nlu_fallback", events=events)
    replies, returned = run_action(ActionRespond(), tracker, domain)
    assert replies == [shown(domain, "utter_offer_handoff")]
    # The revert comes first, so the slot set after it survives.
    assert [e["event"] for e in returned] == ["rewind", "slot"]
    assert returned[1]["name"] == "pending_question" and returned[1]["value"] == "handoff"
    assert not handoff_db.exists()


@pytest.mark.parametrize("intent, stored", [("affirm", 1), ("deny", 0)])
def test_offer_accepted_or_declined(domain, handoff_db, intent, stored):
    events = [
        user_event("blabla", "nlu_fallback"),
        user_event("xyz", "nlu_fallback"),
        user_event("ano", intent),
    ]
    tracker = make_tracker("x", intent, slots={"pending_question": "handoff"}, events=events)
    replies, _ = run_action(ActionRespond(), tracker, domain)
    if stored:
        assert names_number(replies[0], 1)  # handed over (nobody online: the call-back offer)
        assert records(handoff_db)[0]["reason"] == "misunderstood"
    else:
        assert replies == [shown(domain, "utter_handoff_declined")]
        assert not handoff_db.exists()


def test_failed_fix_hands_off_with_its_topic(domain, handoff_db):
    events = [
        user_event("prisel mi ticket open smtp", "open_smtp_ticket"),
        user_event("ne", "deny"),
        user_event("ne, porad nic", "deny"),
    ]
    tracker = make_tracker("ne", "deny", slots={"pending_question": "smtp_checks"}, events=events)
    run_action(ActionRespond(), tracker, domain)
    [record] = records(handoff_db)
    assert record["reason"] == "fix_failed" and record["topic"] == "Ticket Open SMTP"


def test_storage_failure_gives_the_support_contact(domain, handoff_db, monkeypatch):
    use_tracker_db(handoff_db.parent, monkeypatch)  # a directory: sqlite cannot open it
    replies, _ = run_action(ActionRespond(), make_tracker("operator", "request_human"), domain)
    # Where to turn instead; no handoff number promised that does not exist.
    assert len(replies) == 1 and knowledge.load()["support_contact"] in replies[0]
    assert not names_number(replies[0], 1)


@pytest.mark.parametrize(
    "text, saved, outcome",
    [
        ("jan.novak@firma.cz", "jan.novak@firma.cz", "saved"),
        ("muzete mi napsat na petra@seznam.cz, diky", "petra@seznam.cz", "saved"),
        ("ne, radsi ne", None, "declined"),
        ("jan.novak@firma", None, "asked again"),
    ],
)
def test_the_call_back_offer_takes_an_address_or_a_no(domain, handoff_db, text, saved, outcome):
    tracker = make_tracker("chci clovekem", "request_human", events=CONVERSATION)
    run_action(ActionRespond(), tracker, domain)
    answer = make_tracker(
        text,
        "nlu_fallback",
        slots={"pending_question": "callback_email"},
        events=CONVERSATION + [user_event(text, "nlu_fallback")],
    )
    replies, events = run_action(ActionRespond(), answer, domain)
    assert records(handoff_db)[0]["contact"] == saved
    if outcome == "saved":  # the address the answer goes to, and when
        assert saved in replies[0] and HANDOFF["callback_time"] in replies[0], replies
    elif outcome == "declined":  # the number to quote when writing to support
        assert names_number(replies[0], 1), replies
    else:
        assert replies == [shown(domain, "utter_callback_invalid")]
    assert events[-1]["value"] == ("callback_email" if outcome == "asked again" else None)
