"""Guides per device (actions/knowledge.yml `guides`) and the device read from the customer's
words (actions/devices.py)."""

import re

import pytest

from actions import devices, knowledge
from czech_nlu.folding import fold

# What only the Windows Phone guide says: never in a reply to a customer with another device.
WINDOWS_PHONE_PATH = re.compile(
    r"e-mail \+ účty|E-mail na Internetu|Windows Phone|další volby|jiný účet", re.IGNORECASE
)
OTHER_GUIDES = [g for g in knowledge.guides() if g != knowledge.load()["default_guide"]]


@pytest.mark.parametrize(
    "text, device",
    [
        ("mám iPhone 13, jak tam dám poštu?", "iphone_mail"),
        ("nastavuju to na lumii", "windows_phone_8"),
        ("pardon, je to Samsung, ne iPhone", "samsung_email"),
        ("aha, ten telefon je android, ne iphone", "android_gmail"),
        ("v outlooku na iphonu", "outlook_mobile"),
        ("na samsungu používám aplikaci Outlook", "outlook_mobile"),
        ("outlook 365 na počítači", "outlook_windows"),
        ("thunderbird na linuxu", "thunderbird"),
        ("macbook air, aplikace mail", "mac_mail"),
        ("pošlete mi ten profil, co mají iPhony, já mám Samsung", "samsung_email"),
        ("telefon mám Samsung, ale poštu čtu v aplikaci Gmail", "android_gmail"),
        ("nepoužívám Samsung Email, mám Gmail", "android_gmail"),
        ("Samsung A15, v aplikaci E-mail vidím Gmail, Outlook a pak Jiný", "samsung_email"),
        ("jaký port pro IMAP?", None),
        ("v Outlooku to nechci, dám radši Thunderbird", "thunderbird"),
        # a device taken back by a "ne" after it, or a "ne" between a phone and a program
        ("v iPadu ne, tam to jede. Thunderbird nechce posílat", "thunderbird"),
        ("je to v telefonu, ne v Outlooku", None),
        ("mám Samsung, ne?", "samsung_email"),
    ],
)
def test_the_device_is_read_from_the_customers_words(text, device):
    assert devices.named(fold(text)) == device


@pytest.mark.parametrize(
    "text, switches",
    [
        ("mám jít na primární, nebo na ten Gmail?", False),  # a server in the list, no device
        ("vidím tam Google, Yahoo a Outlook", False),
        ("pardon, je to Samsung", True),
        ("a jak to udělám v Outlooku?", True),
        ("Thunderbird neodesílá", True),
        ("ale já mám aplikaci Outlook od Microsoftu", True),  # the app on the phone
    ],
)
def test_a_known_device_changes_only_when_the_customer_says_so(text, switches):
    from actions.frame import read

    message = {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}
    frame = read(message, device="iphone_mail")
    assert (frame.device not in (None, "iphone_mail")) == switches, frame.device


@pytest.mark.parametrize("guide", knowledge.guides().values(), ids=lambda g: g.id)
def test_every_guide_is_complete_and_states_no_fact(guide):
    assert guide.steps[-1].labels == () or guide.id == "mac_mail" or guide.steps[-1].id == "done"
    assert guide.step_number("account_form") < len(guide.steps)
    facts = {knowledge.server("incoming").lower(), knowledge.server("outgoing").lower()}
    ports = {str(p) for spec in knowledge.protocols().values() for p in spec["ports"].values()}
    texts = [guide.open_account, guide.smtp_auth, guide.auth_switch, guide.ssl_port]
    texts += [f"{s.title} {s.text} {s.help} {s.after_filling or ''}" for s in guide.steps]
    for text in texts:
        assert not any(fact in text.lower() for fact in facts), text
        assert not set(re.findall(r"\d+", text)) & ports, text
    if guide.id in OTHER_GUIDES:
        assert not any(WINDOWS_PHONE_PATH.search(text) for text in texts), guide.id


TWO_ACTION_STEPS = [
    (guide.id, number, step)
    for guide in knowledge.guides().values()
    for number, step in enumerate(guide.steps, 1)
    if step.then
]


@pytest.mark.parametrize(
    "device, number, step", TWO_ACTION_STEPS, ids=[f"{d}-{s.id}" for d, _, s in TWO_ACTION_STEPS]
)
def test_a_step_of_two_actions_is_followed_action_by_action(device, number, step):
    """ "Klikl jsem na <first action>": its second action is next, at the same step; the second
    action said done: the next step."""
    from actions import screens

    assert step.then.text and not set(step.labels) & set(step.then.labels)
    for label in step.labels:
        assert screens.where(fold(f"klikl jsem na {label}"), device) == screens.Position(
            number, by_label=True, at_then=True
        ), label
    for label in step.then.labels:
        assert screens.where(fold(f"ok, vybral jsem {label}"), device) == screens.Position(
            number + 1, by_label=True
        ), label
        both = f"klikl jsem na {step.labels[0]} a pak na {label}"
        assert screens.where(fold(both), device).step == number + 1, both


def test_two_devices_joined_by_a_conjunction_are_two_and_a_provider_list_names_none():
    assert devices.named("mam iphone a taky outlook 2019 na pocitaci") == "iphone_mail"
    assert devices.named("outlook v kancelari na pc") == "outlook_windows"
    assert devices.named("outlook na androidu, je tam imap, pop3, exchange") == "outlook_mobile"
    assert devices.named("samsung, vidim gmail, outlook, yahoo") == "samsung_email"
    # one program's full name is no list of providers
    assert devices.named("parametry pro aplikaci microsoft outlook, imap") == "outlook_windows"
    assert devices.named("vidim microsoft 365, outlook.com, google") is None
    assert devices.named("notebook s outlookem z microsoft 365, klasicky") == "outlook_windows"


def test_devices_listed_with_commas_are_each_named_and_a_providers_list_is_not():
    listed = "mame to v mobilu iphone, v notebooku s outlookem (office 2016) a na tabletu samsung"
    assert devices.all_named(listed) == ["iphone_mail", "outlook_windows", "samsung_email"]
    assert devices.all_named("samsung, vidim gmail, outlook, yahoo") == ["samsung_email"]


@pytest.mark.parametrize(
    "device, report, step",
    [
        # a story of steps done, a clause with no verb of its own belongs to it
        (
            "iphone_mail",
            "mám za sebou přidat účet i jiné, zadala jsem adresu a heslo a dala další",
            5,
        ),
        (
            "android_gmail",
            "otevřel jsem gmail, přidal další účet, zvolil jiný a dal ruční nastavení",
            5,
        ),
        (
            "outlook_windows",
            "soubor, přidat účet, upřesnit možnosti, zaškrtnul jsem ručně a dal připojit",
            4,
        ),
        (
            "thunderbird",
            "akce účtu, přidat poštovní účet, vyplnil jméno, adresu, dal pokračovat",
            4,
        ),
        # …and "teď …" after it: what is in front of them, when it is further on
        (
            "android_gmail",
            "napsal jsem adresu, dal ruční nastavení, účet IMAP, teď formulář se servery",
            6,
        ),
        (
            "mac_mail",
            "v mailu nastavení, účty, jiný poštovní účet, a teď chce jméno, adresu a heslo",
            3,
        ),
        (
            "outlook_new",
            "kliknul jsem na přidat účet, napsal adresu, pokračovat, heslo a zobrazit více",
            4,
        ),
        # a word of seeing after a word of doing: the rest is what they see
        ("windows_phone_8", "jsem v e-mail + účty a vidím tam dole přidat účet", 3),
        # filling the fields a screen names: that screen, not the form with the servers
        ("iphone_mail", "dala jsem přidat účet, jiné a teď vyplňuju jméno a adresu", 4),
    ],
)
def test_a_story_of_steps_done_ends_where_the_customer_is(device, report, step):
    from actions import screens

    assert screens.where(fold(report), device).step == step


@pytest.mark.parametrize(
    "text, device",
    [
        ("mám nový Outlook, ne ten klasický", "outlook_new"),
        ("v novém outlooku nevidím kartu soubor", "outlook_new"),
        ("klasický outlook na pc", "outlook_windows"),
        ("nový outlook na iphonu", "outlook_mobile"),
    ],
)
def test_the_new_outlook_is_its_own_program(text, device):
    assert devices.named(fold(text)) == device


def test_a_phone_makers_own_mail_app_gets_no_gmail_places():
    # Huawei's own E-mail app: the guide whose places are described, not the Gmail app's path
    assert devices.named(fold("mám huawei a používám jejich aplikaci e-mail")) == "android_other"
    assert devices.named(fold("mám xiaomi a poštu čtu v gmailu")) == "android_gmail"
    assert devices.named(fold("mám xiaomi a v něm appku Aqua Mail")) == "android_other"
    # ("ale ne gmail": the program refused is not theirs)
    said = "android, ale ne gmail, mám tam appku Email od samsungu"
    assert devices.named(fold(said)) == "samsung_email"
