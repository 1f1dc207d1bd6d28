import re

from conftest import entity, make_tracker, run_action, shown

from actions import knowledge
from actions.dispatcher import ActionRespond


def servers_named(text):
    """[(direction, server)] in the order the reply names them."""
    return re.findall(r"(příchozí|odchozí) pošty[^*]*\*\*([^*]+)\*\*", text)


def test_server_for_incoming_and_both(domain):
    incoming, outgoing = knowledge.server("incoming"), knowledge.server("outgoing")
    replies, _ = run_action(ActionRespond(), make_tracker("server", "ask_server"), domain)
    assert len(replies) == 1
    if incoming == outgoing:  # one server for both: said once, as the same for both
        assert re.search(
            rf"Příchozí i odchozí server.*stejný: \*\*{re.escape(incoming)}\*\*", replies[0]
        )
    else:
        assert servers_named(replies[0]) == [("příchozí", incoming), ("odchozí", outgoing)]
    tracker = make_tracker(
        "jaky server pro prichozi", "ask_server", [entity("protocol", "incoming")]
    )
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert len(replies) == 1 and servers_named(replies[0]) == [("příchozí", incoming)]


def test_complete_settings_for_pop3(domain):
    tracker = make_tracker("nastaveni pop3", "ask_settings", [entity("protocol", "pop3")])
    replies, _ = run_action(ActionRespond(), tracker, domain)
    text = replies[0]
    assert text.startswith("Nastavení pro POP3:")
    assert "**995** se SSL, nebo **110** bez SSL" in text
    assert "**465** se SSL, nebo **587** bez SSL" in text
    assert "celá e-mailová adresa" in text
    assert "Manager" in text
    assert "„Server odchozí pošty vyžaduje autentizaci“" in text


def test_settings_without_protocol_are_the_recommended_ones_with_pop3_offered(domain):
    replies, events = run_action(ActionRespond(), make_tracker("nastaveni", "ask_settings"), domain)
    assert replies[0].startswith("Nastavení pro IMAP:") and "**993**" in replies[0]
    assert replies[-1] == shown(domain, "utter_settings_other_protocol")
    assert {"event": "slot", "name": "protocol", "value": "imap"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


def test_username_and_password(domain):
    credentials = knowledge.credentials()
    replies, _ = run_action(ActionRespond(), make_tracker("login?", "ask_username"), domain)
    assert len(replies) == 1 and credentials["username"]["nominative"] in replies[0]
    replies, _ = run_action(ActionRespond(), make_tracker("heslo?", "ask_password"), domain)
    assert len(replies) == 1
    assert credentials["password"] in replies[0] and credentials["manager_url"] in replies[0]


def test_a_device_without_a_guide_gets_the_settings_that_hold_everywhere(domain):
    tracker = make_tracker("mam blackberry, jak tam nastavim postu?", "other_device")
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert "Nastavení serveru je ale všude stejné" in replies[0]
    assert "Nastavení pro IMAP" in replies[1] and "**993**" in replies[1]


def test_a_device_named_alone_is_kept_with_what_can_be_done_there(domain):
    replies, events = run_action(
        ActionRespond(), make_tracker("mam iphone", "other_device"), domain
    )
    assert "iPhone a iPad" in replies[0] and "Profil jedním klepnutím" in replies[0]
    assert {"event": "slot", "name": "device", "value": "iphone_mail", "timestamp": None} in events


def test_fallback_offers_likely_topics(domain):
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "ask_server", "confidence": 0.3},
        {"name": "greet", "confidence": 0.1},
        {"name": "ask_port", "confidence": 0.1},
    ]
    tracker = make_tracker("hmm, tak nevim", "nlu_fallback", ranking=ranking)
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert replies[0].endswith("[Název serveru | Porty | Nastavení serveru]")
    assert events[0]["event"] == "rewind"


def test_static_answers_offer_resume_mid_walkthrough(domain):
    slots = {"walkthrough_step": 3.0, "walkthrough_active": True}
    replies, _ = run_action(
        ActionRespond(), make_tracker("Dobrý den", "greet", slots=slots), domain
    )
    assert replies[0] == shown(domain, "utter_greet") and "krokem 3 z 8" in replies[1]
    replies, _ = run_action(
        ActionRespond(), make_tracker("heslo je [heslo skryto]", "share_password"), domain
    )
    assert replies == [shown(domain, "utter_password_warning")]
