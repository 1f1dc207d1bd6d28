from actions.understanding import (
    canonical_protocol,
    mentioned_port,
    mentioned_protocol,
    mentioned_security,
    security_in_text,
)
from conftest import entity


def msg(text, *entities):
    return {"text": text, "entities": list(entities)}


def test_protocol_forms():
    for text, expected in [
        ("IMAPu", "imap"),
        ("přes POPko", "pop3"),
        ("pop3ka", "pop3"),
        ("smtpčko", "smtp"),
        ("odchozí", "smtp"),
        ("prichozi posta", "incoming"),
        ("popište mi to", None),  # no POP3 in "popište"
        ("příjemce", None),
    ]:
        assert canonical_protocol(text) == expected, text


def test_negated_security_is_never_ssl():
    for text in ["bez SSL", "a bez ssl?", "bez šifrování", "nešifrovaně", "nechci SSL", "nezabezpečené"]:
        assert security_in_text(text) == "plain", text
    for text in ["se SSL", "s TLS", "šifrovaně", "se zabezpečením"]:
        assert security_in_text(text) == "ssl", text
    assert security_in_text("jaký port pro imap") is None


def test_entity_that_caught_only_ssl_of_bez_ssl_is_overruled():
    assert mentioned_security(msg("port IMAP bez SSL", entity("security", "ssl"))) == "plain"


def test_missed_entities_are_read_from_text():
    assert mentioned_protocol(msg("jake porty ma imap")) == "imap"
    assert mentioned_security(msg("jake porty se sifrovanim")) == "ssl"


def test_button_payload_uses_its_entities_only():
    payload = msg('/inform{"protocol":"imap"}', entity("protocol", "imap"))
    assert mentioned_protocol(payload) == "imap"
    assert mentioned_security(payload) is None


def test_port_number():
    assert mentioned_port(msg("k cemu je port 587", entity("port", "587"))) == 587
    assert mentioned_port(msg("na co je port 25")) == 25
    assert mentioned_port(msg("na co je tenhle port")) is None
