"""The realistic conversation set (tests/conversations/) played in this process against the
trained model and the action code (tests/inprocess.py): every turn answered as a competent
agent would and not one wrong port or server. The same set plays through REST in the e2e run."""

import pytest

from actions import knowledge
from tests.conversations.evaluate import load_cases, play, reply_text
from tests.inprocess import MODEL, InProcessBot
from tests.test_devices import OTHER_GUIDES, WINDOWS_PHONE_PATH


@pytest.fixture(scope="module")
def bot():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: `make unit` trains it first")
    return InProcessBot()


def test_the_conversation_set_in_process(bot):
    score = play(lambda sender, text: reply_text(bot.say(sender, text)), load_cases())
    report = score.table() + "\n" + "\n".join(score.failures)
    assert not score.fact_errors, "\n".join(score.fact_errors)
    assert score.correct == score.total, report


def test_each_bot_message_names_the_route_that_said_it(bot):
    bot.say("routes-1", "jaký port pro IMAP se SSL?")
    bot.say("routes-1", "heslo mám Kvetina77 a odesílání hlásí chybu ověření")
    routes = [
        event.metadata.get("route")
        for event in bot.tracker("routes-1").events
        if event.type_name == "bot"
    ]
    assert routes[0] == "questions"
    assert routes[1] == "password" and "problem" in routes[2:]


# --- today's devices: a walkthrough for every guide, and the places named in that device ---


def _said(bot, sender: str, text: str) -> str:
    return reply_text(bot.say(sender, text))


@pytest.mark.parametrize("device", OTHER_GUIDES)
def test_every_devices_walkthrough_end_to_end_without_a_windows_phone_path(bot, device):
    guide = knowledge.guide(device)
    sender = f"walk-{device}"
    asked = _said(bot, sender, "potřebuju nastavit poštu, provedete mě tím?")
    assert "Na jakém zařízení" in asked and guide.short in asked
    replies = [_said(bot, sender, f'/inform{{"device":"{device}"}}')]
    # one "hotovo" per message: taps on the way and the screens before the form come together
    replies += [_said(bot, sender, "hotovo") for _ in guide.stops()[1:]]
    assert f"Krok {len(guide.steps)} z {len(guide.steps)}" in replies[-1]
    for number, step in enumerate(guide.steps, 1):
        assert f"Krok {number} z {len(guide.steps)}: {step.title}" in "\n".join(replies)
    assert knowledge.server("incoming") in "\n".join(replies)  # the form's values
    assert "Název uživatele" not in "\n".join(replies)  # (the Windows Phone form's field)
    for reply in replies:
        assert not WINDOWS_PHONE_PATH.search(reply), reply


@pytest.mark.parametrize("device", OTHER_GUIDES)
def test_every_devices_whole_guide_at_once_without_a_windows_phone_path(bot, device):
    guide = knowledge.guide(device)
    sender = f"whole-{device}"
    asked = _said(bot, sender, "potřebuju si nastavit firemní poštu")
    assert "Na jakém zařízení" in asked
    whole = _said(bot, sender, f'/inform{{"device":"{device}"}}')
    assert all(step.text in whole for step in guide.steps)  # every step, in one turn
    assert knowledge.server("incoming") in whole and not WINDOWS_PHONE_PATH.search(whole)
    done = _said(bot, sender, "hotovo")
    assert "Použili jste IMAP" in done and not WINDOWS_PHONE_PATH.search(done)


def test_a_device_switch_in_the_middle_starts_that_devices_steps(bot):
    sender = "walk-switch"
    _said(bot, sender, "mám iPhone, jak tam nastavím poštu? krok za krokem prosím")
    _said(bot, sender, "hotovo")
    switched = _said(bot, sender, "pardon, je to Samsung, ne iPhone")
    samsung = knowledge.guide("samsung_email")
    assert samsung.name in switched and f"Krok 1 z {len(samsung.steps)}" in switched
    # (the taps on the way came with step 1: "mám" is past them)
    after = samsung.shown_with(1) + 1
    title = samsung.steps[after - 1].title
    assert f"Krok {after} z {len(samsung.steps)}: {title}" in _said(bot, sender, "mám")


def test_a_device_switch_after_the_whole_guide_gets_the_other_whole_guide(bot):
    sender = "walk-switch-whole"
    iphone = _said(bot, sender, "mám iPhone, jak tam nastavím poštu?")
    assert "Celý postup v iPhonu" in iphone
    switched = _said(bot, sender, "pardon, je to Samsung, ne iPhone")
    samsung = knowledge.guide("samsung_email")
    assert all(step.text in switched for step in samsung.steps)
    assert "Krok 1 z" not in switched  # (the whole list, not step 1 alone)
    # "hotovo" under the whole guide: its summary and the test e-mail
    assert "Použili jste IMAP" in _said(bot, sender, "hotovo")


@pytest.mark.parametrize("device", OTHER_GUIDES)
def test_the_open_smtp_fix_and_symptom_fixes_name_the_devices_places(bot, device):
    guide = knowledge.guide(device)
    for number, problem in enumerate(
        (
            # the Open SMTP fix and three symptom fixes (two of them not about sending)
            "přišel mi ticket Open SMTP, co s tím?",
            "přijímat jde, ale odeslat nic nejde",
            "hlásí mi to, že se nepodařilo přihlásit, ale heslo mám dobře",
            "vyskočilo varování o certifikátu serveru",
        )
    ):
        sender = f"fix-{device}-{number}"
        _said(bot, sender, f'/inform{{"device":"{device}"}}')
        reply = _said(bot, sender, problem)
        if "alespoň příjem" in reply:  # first the question whether receiving works
            reply = _said(bot, sender, "ano, příjem funguje")
        assert guide.open_account in reply, (problem, reply)
        assert not WINDOWS_PHONE_PATH.search(reply), (problem, reply)
        if number == 0:  # after the ticket's fix: where it is, in that device
            where = _said(bot, sender, "a kde to přesně zapnu?")
            assert guide.smtp_auth in where and not WINDOWS_PHONE_PATH.search(where)
