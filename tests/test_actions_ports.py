import re

from conftest import entity, make_tracker, run_action
from rasa_sdk.events import SlotSet

from actions import knowledge
from actions.dispatcher import ActionRespond


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_imap_ssl_gives_only_993(domain):
    tracker = make_tracker(
        "Jaký port pro IMAP se SSL?",
        "ask_port",
        [entity("protocol", "imap"), entity("security", "ssl")],
    )
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert len(replies) == 1
    assert "**993**" in replies[0] and "143" not in replies[0] and "995" not in replies[0]
    assert "Bez SSL" in replies[0]  # the next move is offered as a button
    assert slots_of(events) == {
        "protocol": "imap",
        "security": "ssl",
        "asked_protocols": ["imap"],
        "last_topic": "port",
        "last_topics": ["port"],
    }


def test_all_six_combinations(domain):
    expected = {
        ("imap", "ssl"): 993,
        ("imap", "plain"): 143,
        ("pop3", "ssl"): 995,
        ("pop3", "plain"): 110,
        ("smtp", "ssl"): 465,
        ("smtp", "plain"): 587,
    }
    for (protocol, security), port in expected.items():
        tracker = make_tracker(
            "?", "ask_port", [entity("protocol", protocol), entity("security", security)]
        )
        replies, _ = run_action(ActionRespond(), tracker, domain)
        numbers = {n for n in expected.values() if f"**{n}**" in replies[0]}
        assert numbers == {port}, (protocol, security, replies)


def test_protocol_without_security_gives_both_and_forgets_old_security(domain):
    tracker = make_tracker(
        "Jaké porty má IMAP?", "ask_port", [entity("protocol", "imap")], slots={"security": "ssl"}
    )
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert "**993** se SSL" in replies[0] and "**143** bez SSL" in replies[0]
    assert slots_of(events)["security"] is None


def test_security_without_protocol_gets_each_protocols_port_for_it(domain):
    # no question back: the three ports of that SSL choice, each with its protocol
    tracker = make_tracker("jaky port se ssl", "ask_port", [entity("security", "ssl")])
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert re.findall(r"\*\*(\d+)\*\*", replies[0]) == ["993", "995", "465"]
    assert "IMAP" in replies[0] and "bez SSL" not in replies[0]
    assert slots_of(events)["security"] == "ssl"
    # the button reply answers with the remembered security
    answer = make_tracker(
        '/inform{"protocol":"pop3"}',
        "inform",
        [entity("protocol", "pop3")],
        slots={"security": "ssl"},
    )
    replies, _ = run_action(ActionRespond(), answer, domain)
    assert "**995**" in replies[0]


def test_follow_ups_keep_context(domain):
    after_imap_ssl = {"protocol": "imap", "security": "ssl", "last_topic": "port"}
    tracker = make_tracker("a bez SSL?", "inform", [entity("security", "plain")], after_imap_ssl)
    assert "**143**" in run_action(ActionRespond(), tracker, domain)[0][0]

    after_pop_ssl = {"protocol": "pop3", "security": "ssl", "last_topic": "port"}
    tracker = make_tracker("a pro odchozí?", "inform", [entity("protocol", "smtp")], after_pop_ssl)
    assert "**465**" in run_action(ActionRespond(), tracker, domain)[0][0]

    tracker = make_tracker("A co POP3?", "inform", [entity("protocol", "pop3")], after_imap_ssl)
    assert "**995**" in run_action(ActionRespond(), tracker, domain)[0][0]


def test_follow_up_after_server_answer_names_the_server(domain):
    tracker = make_tracker(
        "a pro odchozí?", "inform", [entity("protocol", "smtp")], {"last_topic": "server"}
    )
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert len(replies) == 1
    named = re.findall(r"(příchozí|odchozí) pošty[^*]*\*\*([^*]+)\*\*", replies[0])
    assert named == [("odchozí", knowledge.server("outgoing"))]


def test_incoming_with_ssl_lists_imap_and_pop3(domain):
    tracker = make_tracker(
        "port pro prichozi se ssl",
        "ask_port",
        [entity("protocol", "incoming"), entity("security", "ssl")],
    )
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert "**993** u IMAP" in replies[0] and "**995** u POP3" in replies[0]


def test_fragment_naming_nothing_is_not_answered_with_a_port(domain):
    tracker = make_tracker("asdfgh", "inform", slots={"protocol": "imap", "security": "ssl"})
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert replies[0].startswith("Promiňte")
    assert "993" not in replies[0]
    assert [e["event"] for e in events] == ["rewind"]  # forgotten: it steers nothing


def test_reverse_lookup(domain):
    tracker = make_tracker("K čemu je port 587?", "ask_port_purpose", [entity("port", "587")])
    replies, events = run_action(ActionRespond(), tracker, domain)
    assert "SMTP bez SSL" in replies[0] and "odchozí" in replies[0]
    assert SlotSet("protocol", "smtp") in events


def test_unknown_port_lists_the_right_ones(domain):
    tracker = make_tracker("na co je port 25", "ask_port_purpose", [entity("port", "25")])
    replies, _ = run_action(ActionRespond(), tracker, domain)
    assert "**25** se v nastavení naší pošty nepoužívá" in replies[0]
    for number in (993, 143, 995, 110, 465, 587):
        assert f"**{number}**" in replies[0]


def test_port_table(domain):
    replies, _ = run_action(ActionRespond(), make_tracker("porty", "ask_port_table"), domain)
    lines = replies[0].splitlines()
    for protocol, (ssl, plain) in {
        "IMAP": (993, 143),
        "POP3": (995, 110),
        "SMTP": (465, 587),
    }.items():
        [line] = [line for line in lines if protocol in line]  # one line per protocol
        said = re.findall(r"\*\*(\d+)\*\* (se|bez) SSL", line)
        assert said == [(str(ssl), "se"), (str(plain), "bez")], line
