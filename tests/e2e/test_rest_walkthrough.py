"""The Windows Phone walkthrough through the REST channel, including a crash of Rasa."""

import pytest

from tests.stack import reply_text

pytestmark = pytest.mark.e2e


def ask(stack, sender, text):
    return reply_text(stack.say(sender, text))


def test_full_run_with_imap_and_ssl(stack, sender):
    reply = ask(stack, sender, "Jak přidám e-mailový účet do Windows Phone?")
    assert "Krok 1 z 8" in reply and "Nastavení" in reply and "Parametry" in reply
    assert "Hotovo" in reply and "Nevidím to" in reply
    for number, label in [
        (2, "e-mail + účty"),
        (3, "přidat účet"),
        (4, "jiný účet"),
        (5, "další volby"),
        (6, "E-mail na Internetu"),
    ]:
        reply = ask(stack, sender, "hotovo")
        assert f"Krok {number} z 8" in reply and label in reply
    # The form: the recommended account's values at once, the other choice one message away.
    reply = ask(stack, sender, "dal")
    assert "Krok 7 z 8" in reply and "port **993**" in reply and "port **465**" in reply
    assert "POP3 místo IMAP" in reply
    reply = ask(stack, sender, "vlastne chci pop3")
    assert "Hodnoty pro POP3 se SSL" in reply and "port **995**" in reply
    reply = ask(stack, sender, "hotovo")
    assert "Krok 8 z 8" in reply and "zkušební e-mail" in reply


def test_navigation_help_and_pop3_without_ssl(stack, sender):
    ask(stack, sender, "navod na nastaveni posty na lumii")
    assert "e-mail + účty" in ask(stack, sender, "hotovo")
    assert "e-mail + účty" in ask(stack, sender, "zopakuj to")
    assert "Krok 1 z 8" in ask(stack, sender, "zpet")
    assert "Parametry" in ask(stack, sender, "nevidim to")
    ask(stack, sender, "krok 7")
    ask(stack, sender, "POP3")
    reply = ask(stack, sender, "bez SSL")
    assert (
        "Hodnoty pro POP3 bez SSL" in reply and "port **110**" in reply and "port **587**" in reply
    )


def test_digression_then_resume_at_the_same_step(stack, sender):
    assert "Na jakém zařízení" in ask(stack, sender, "Provedete mě nastavením pošty v telefonu?")
    assert "Krok 1 z 8" in ask(stack, sender, "Windows Phone")
    ask(stack, sender, "hotovo")
    reply = ask(stack, sender, "jaky je server odchozi posty?")
    assert "SSL0.OVH.NET" in reply and "krokem 2 z 8" in reply
    assert "Krok 2 z 8" in ask(stack, sender, "pokračujme")


def test_kill_rasa_mid_walkthrough_and_resume(crash_stack, sender):
    ask(crash_stack, sender, "navod krok za krokem na lumii")
    ask(crash_stack, sender, "hotovo")
    assert "Krok 3 z 8" in ask(crash_stack, sender, "hotovo")
    crash_stack.kill_rasa()
    crash_stack.start_rasa()
    reply = ask(crash_stack, sender, "pokračuj")
    assert "Krok 3 z 8" in reply and "přidat účet" in reply
