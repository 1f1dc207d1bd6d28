import re

from conftest import make_tracker, run_action, shown

from actions import knowledge
from actions.dispatcher import ActionRespond


def hands_over_as(number, text):
    """The customer is told the handoff's number and when the colleagues answer."""
    callback_time = knowledge.load()["handoff"]["callback_time"]
    return re.search(rf"\b{number}\b", text) is not None and callback_time in text


def troubleshoot(domain, intent, pending=None, text="x"):
    tracker = make_tracker(text, intent, slots={"pending_question": pending})
    replies, events = run_action(ActionRespond(), tracker, domain)
    return replies, events[-1]["value"]


def test_ticket_explains_fixes_and_asks(domain):
    replies, pending = troubleshoot(domain, "open_smtp_ticket")
    explained, fix, question = replies
    assert "„Open SMTP“" in explained and "„POP before SMTP“ už nepodporujeme" in explained
    assert "napaden" not in explained  # the bot cannot know the account was not misused
    assert "„Server odchozí pošty vyžaduje autentizaci“" in fix
    assert "„Použít stejný login a heslo i pro odesílání pošty“" in fix
    assert "**SSL0.OVH.NET**" in fix and "**465** se SSL" in fix and "**587** bez SSL" in fix
    assert question == shown(domain, "utter_ask_fix_helped")
    assert pending == "smtp_fix"


def test_symptom_says_likely_cause_then_fix(domain):
    replies, pending = troubleshoot(domain, "cannot_send")
    likely_cause, fix, question = replies
    assert likely_cause == shown(domain, "utter_smtp_auth_likely")
    assert all(f"„{label}“" in fix for label in knowledge.smtp_auth_checkboxes())
    assert question == shown(domain, "utter_ask_fix_helped") and pending == "smtp_fix"


def test_fix_helped_closes(domain):
    replies, pending = troubleshoot(domain, "affirm", "smtp_fix")
    assert replies == [shown(domain, "utter_fix_worked")] and pending is None


def test_fix_did_not_help_then_checks_then_a_person(domain):
    replies, pending = troubleshoot(domain, "deny", "smtp_fix")
    assert "celá e-mailová adresa" in replies[0] and "zákaznickém prostoru" in replies[0]
    assert "**465** se SSL, **587** bez SSL" in replies[0]
    assert pending == "smtp_checks"
    replies, pending = troubleshoot(domain, "deny", "smtp_checks")
    assert replies[0] == shown(domain, "utter_fix_failed_sorry")
    assert hands_over_as(1, replies[1])
    assert pending == "callback_email"  # no agents' console here: an address for the reply?


def test_ambiguous_symptom_asks_about_receiving_first(domain):
    replies, pending = troubleshoot(domain, "mail_not_working")
    assert replies == [shown(domain, "utter_ask_receiving_works")]
    assert pending == "receiving_works"
    # receiving works -> the SMTP authentication path
    replies, pending = troubleshoot(domain, "affirm", "receiving_works")
    assert "ověřování" in replies[0] and pending == "smtp_fix"
    # nothing works -> server, username, password, ports
    replies, pending = troubleshoot(domain, "deny", "receiving_works")
    assert "**SSL0.OVH.NET**" in replies[0] and "**993** se SSL" in replies[0]
    assert "celá e-mailová adresa" in replies[0]
    assert pending == "receive_checks"
    replies, pending = troubleshoot(domain, "deny", "receive_checks")
    assert replies[0] == shown(domain, "utter_fix_failed_sorry")
    assert hands_over_as(1, replies[1])


def test_yes_or_no_without_a_question(domain):
    replies, pending = troubleshoot(domain, "affirm")
    assert replies == [shown(domain, "utter_anything_else")] and pending is None
