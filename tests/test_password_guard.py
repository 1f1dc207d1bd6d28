from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from czech_nlu.password import typed_password
from czech_nlu.password_guard import PasswordGuard


def test_typed_passwords():
    for text in [
        "moje heslo je Kvetina99",
        "heslo mam Slunce123, je to dobre?",
        "Heslo ke schránce mám Brno2023",
        "heslo: kocicka",
        "Zadávám heslo Hrad1234, je správně?",
    ]:
        assert typed_password(text), text


def test_questions_about_passwords_are_not_passwords():
    for text in [
        "Jaké heslo mám zadat?",
        "kde najdu heslo k emailu",
        "heslo mám zapomenuté",
        "heslo k portu 993?",
        "Zapomněl jsem heslo ke schránce",
        '/inform{"protocol":"imap"}',
        "",
    ]:
        assert not typed_password(text), text


def test_guard_overrides_the_intent_and_keeps_the_ranking():
    message = Message(data={TEXT: "moje heslo je Kvetina99"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.8})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_password", "confidence": 0.8},
                                     {"name": "share_password", "confidence": 0.2}])
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT) == {"name": "share_password", "confidence": 1.0}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["share_password", "ask_password"]
    # No close second for the FallbackClassifier to call ambiguous.
    assert message.get(INTENT_RANKING_KEY)[1]["confidence"] == 0.0


def test_guard_recognises_a_password_the_channel_already_redacted():
    message = Message(data={TEXT: "heslo je [heslo skryto]"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.95})
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT)["name"] == "share_password"


def test_guard_leaves_other_messages_alone():
    message = Message(data={TEXT: "Jaké heslo mám zadat?"})
    message.set(INTENT, {"name": "ask_password", "confidence": 0.9})
    PasswordGuard(PasswordGuard.get_default_config()).process([message])
    assert message.get(INTENT)["name"] == "ask_password"


def test_redaction_hides_the_password_and_keeps_the_rest():
    from czech_nlu.password import REDACTED, redact

    cases = {
        "heslo je Lumia2024": f"heslo je {REDACTED}",
        "moje heslo je kocicka.": f"moje heslo je {REDACTED}.",
        "Moje heslo kocicka": f"Moje heslo {REDACTED}",
        "heslo: tajne": f"heslo: {REDACTED}",
        "heslo mam Tajne123, a port?": f"heslo mam {REDACTED}, a port?",
        "muj heslo=xY9!z a dal": f"muj heslo={REDACTED} a dal",
    }
    for text, expected in cases.items():
        assert redact(text) == expected, text
        assert redact(expected) == expected, expected  # redacting twice changes nothing
    for question in ("moje heslo nefunguje", "heslo je špatně?", "heslo k portu 993",
                     "jaky port pro imap", "/affirm", ""):
        assert redact(question) == question
