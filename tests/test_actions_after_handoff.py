"""What the customer says after the handoff: answered from the open record (its number, when
colleagues answer), a contact saved, a detail passed on, the request called off – never a
second record, never "nerozuměl jsem"."""

import pytest
from conftest import make_tracker, run_action, shown, user_event

from actions import knowledge
from actions.dispatcher import ActionRespond
from stores import handoffs

HANDOFF = knowledge.load()["handoff"]


def handed_off_conversation():
    """A conversation whose handoff the bot said (record 1, nobody can join: a call-back)."""
    record = {
        "created_at": "2026-12-02T10:00:00+00:00",
        "conversation_id": "test-user",
        "channel": "rest",
        "reason": "request",
        "topic": "Odesílání",
        "transcript": [],
        "state": handoffs.CALLBACK,
    }
    number = handoffs.store(record)
    said = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_handoff_done"}}
    return number, [user_event("chci mluvit s clovekem", "request_human", "rest"), said]


def say(domain, text, intent="nlu_fallback", events=()):
    tracker = make_tracker(text, intent, events=list(events))
    return run_action(ActionRespond(), tracker, domain)


@pytest.mark.parametrize(
    "text",
    ["mate to uz predane?", "a kdy?", "tak co, bude to?", "jake je cislo meho pozadavku?"],
)
def test_a_question_about_the_handoff_gets_its_number_and_time(domain, handoff_db, text):
    number, events = handed_off_conversation()
    replies, _ = say(domain, text, events=events)
    assert replies == [
        shown(
            domain,
            "utter_handoff_again",
            handoff_number=number,
            response_time=HANDOFF["response_time"],
        )
    ]
    assert [r["id"] for r in handoffs_of("test-user")] == [number]  # no second record


def handoffs_of(conversation):
    record = handoffs.latest(conversation)
    return [record] if record else []


def test_a_phone_number_after_the_handoff_is_saved_as_the_contact(domain, handoff_db):
    number, events = handed_off_conversation()
    replies, _ = say(domain, "Nejlépe telefonicky, 608 222 333, jsem Novotná.", events=events)
    assert handoffs.by_id(number)["contact"] == "608 222 333"
    assert "608 222 333" in replies[0]


def test_calling_it_off_closes_the_record(domain, handoff_db):
    number, events = handed_off_conversation()
    replies, _ = say(domain, "uz je to vyresene, nemusi mi nikdo volat", events=events)
    assert handoffs.by_id(number)["state"] == handoffs.CLOSED
    assert replies == [shown(domain, "utter_handoff_cancelled", handoff_number=number)]


def test_waiting_is_acknowledged_with_the_time(domain, handoff_db):
    _, events = handed_off_conversation()
    replies, _ = say(domain, "tak jo, pockam", events=events)
    assert replies == [shown(domain, "utter_handoff_wait", response_time=HANDOFF["response_time"])]


def test_a_detail_the_bot_does_not_understand_is_passed_on(domain, handoff_db):
    number, events = handed_off_conversation()
    replies, _ = say(domain, "jeste jsem zapomnel napsat ze mam lumii 950", events=events)
    assert replies == [shown(domain, "utter_handoff_note", handoff_number=number)]


def test_without_a_handoff_the_same_words_are_not_about_one(domain, handoff_db):
    replies, _ = say(domain, "a kdy?")
    assert not any(str(HANDOFF["response_time"]) in reply for reply in replies)
    assert handoffs_of("test-user") == []


@pytest.mark.parametrize(
    "text, state",
    [
        ("tak nic, uz jsem na to prisel sam", handoffs.CLOSED),
        ("zruste to prosim, uz to funguje", handoffs.CLOSED),
        # a problem after the handoff does not call it off
        ("Příjem funguje, ale odesílání pořád ne.", handoffs.CALLBACK),
        ("Zrušil jsem účet v telefonu, pořád chyba.", handoffs.CALLBACK),
    ],
)
def test_calling_it_off_only_in_words_that_say_so(domain, handoff_db, text, state):
    number, events = handed_off_conversation()
    say(domain, text, events=events)
    assert handoffs.by_id(number)["state"] == state


def test_the_mailbox_address_named_in_a_problem_is_no_contact(domain, handoff_db):
    number, events = handed_off_conversation()
    say(domain, "Pořád to nejde, login mám jan@firma.cz a server ssl0.ovh.net", events=events)
    assert handoffs.by_id(number)["contact"] is None
