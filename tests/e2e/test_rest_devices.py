"""Every device's walkthrough through REST against the running servers: the device asked
once, its steps end to end (step by step when asked for), the whole guide with a switch in the
middle, and no Windows Phone path anywhere."""

import pytest

from actions import knowledge
from tests.stack import reply_text
from tests.test_devices import OTHER_GUIDES, WINDOWS_PHONE_PATH

pytestmark = pytest.mark.e2e


def ask(stack, sender, text):
    return reply_text(stack.say(sender, text))


@pytest.mark.parametrize("device", OTHER_GUIDES)
def test_each_devices_walkthrough_through_rest(stack, sender, device):
    guide = knowledge.guide(device)
    asked = ask(stack, sender, "potrebuju nastavit postu, provedete me tim?")
    assert "Na jakém zařízení" in asked
    replies = [ask(stack, sender, guide.short)]  # the button's title, typed
    # (one "hotovo" per message: the taps on the way and the screens before the form together)
    replies += [ask(stack, sender, "hotovo") for _ in guide.stops()[1:]]
    for number, step in enumerate(guide.steps, 1):
        assert f"Krok {number} z {len(guide.steps)}: {step.title}" in "\n".join(replies)
    assert knowledge.server("incoming") in "\n".join(replies)
    replies.append(ask(stack, sender, "prisel mi ticket open smtp, kde to zapnu?"))
    assert guide.open_account in replies[-1]
    assert not [r for r in replies if WINDOWS_PHONE_PATH.search(r)]


def test_a_device_switch_in_the_middle_through_rest(stack, sender):
    iphone, samsung = knowledge.guide("iphone_mail"), knowledge.guide("samsung_email")
    whole = ask(stack, sender, "mam iphone, jak tam dam postu?")
    assert all(step.text in whole for step in iphone.steps)  # the whole guide, as an agent
    switched = ask(stack, sender, "pardon, je to samsung, ne iphone")
    assert samsung.name in switched and all(step.text in switched for step in samsung.steps)
    later = [ask(stack, sender, "hotovo")]
    assert "Použili jste IMAP" in later[-1]  # its summary and the test e-mail
    fix = ask(stack, sender, "odeslat nejde, prijimat ano")
    if "alespoň příjem" in fix:
        fix = ask(stack, sender, "ano")
    assert samsung.open_account in fix
    assert not [r for r in [switched, fix, *later] if WINDOWS_PHONE_PATH.search(r)]
