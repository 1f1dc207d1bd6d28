""" "A proč?" right after an answer gets the reason behind that answer (knowledge.yml `reasons`)."""

import re

from conftest import make_tracker, run_action, user_event

from actions import knowledge
from actions.dispatcher import ActionRespond

REASONS = knowledge.load()["reasons"]


def _after(response, text, domain):
    said = {"event": "bot", "text": "…", "metadata": {"utter_action": response}}
    events = [user_event("otázka", "nlu_fallback"), said, user_event(text, "nlu_fallback")]
    replies, _ = run_action(
        ActionRespond(), make_tracker(text, "nlu_fallback", events=events), domain
    )
    return "\n".join(replies)


def test_every_reason_follows_responses_the_domain_has_and_speaks_both_languages(domain):
    for rid, entry in REASONS.items():
        assert entry["after"] and set(entry["after"]) <= set(domain["responses"]), rid
        assert entry["cs"] and entry["en"], rid


def test_no_reason_retypes_a_port_or_a_server():
    servers = {server.lower() for server in knowledge.load()["servers"].values()}
    for rid, entry in REASONS.items():
        for text in (entry["cs"], entry["en"]):
            assert not re.search(r"\b\d{2,4}\b", text), rid
            assert not any(server in text.lower() for server in servers), rid


def test_why_after_the_imap_advice_gets_its_reason(domain):
    reply = _after("utter_pop_vs_imap", "a proč?", domain)
    assert reply == REASONS["imap"]["cs"]


def test_why_after_the_user_name_gets_why_the_whole_address(domain):
    assert _after("utter_username", "proč celá adresa?", domain) == REASONS["username"]["cs"]


def test_why_after_an_answer_with_no_reason_is_not_answered_with_one(domain):
    reply = _after("utter_greet", "a proč?", domain)
    assert not any(entry["cs"] in reply for entry in REASONS.values())


def test_a_problem_asked_with_why_is_no_request_for_a_reason(domain):
    reply = _after("utter_pop_vs_imap", "proč mi nejde odesílat?", domain)
    assert REASONS["imap"]["cs"] not in reply
