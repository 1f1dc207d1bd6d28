"""Typed passwords, in every phrasing the guard is built for and in every channel, never reach
a file the stack wrote (tracker and handoff databases, logs at debug level) nor a reply.

The phrasings are generated (Hypothesis): templates of the ways people write a password
(separator, "je"/"mám"/"zní", possessive, a verb of entering, quotes, the password first),
with and without diacritics, passwords with and without digits or symbols, alone, inside a
long message, after "/", sent over REST, socket.io and Slack; `make shell` takes the REST
path and is checked on its own.
"""

import string
import subprocess
import uuid

import pytest
from fake_slack import send_event
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from socket_client import socketio_say

from czech_nlu.folding import fold
from czech_nlu.password import VERBAL_NOUN_ENDINGS, ordinary_word
from tests.stack import PYTHON, ROOT, reply_text

pytestmark = pytest.mark.e2e

TEMPLATES = [
    "moje heslo je {p}",
    "Moje heslo je: {p}",
    "heslo: {p}",
    "heslo={p}",
    "heslo = {p}",
    "Heslo do schránky je {p}",
    "heslo k e-mailu info@firma.cz je {p}",
    "heslo ke schránce mám {p}",
    "zadal jsem heslo {p} a nejde to",
    "zadávám heslo {p}, ale pořád chyba",
    "heslo mám {p}, je to dobře?",
    "moje heslo {p}",
    "heslo zní {p}",
    "heslo je „{p}“",
    "zkoušel jsem heslo {p} i jiné",
    "změnil jsem heslo na {p} a nefunguje odesílání",
    "heslo pro outlook je {p}",
    "to heslo je {p}",
    "použil jsem heslo {p}",
    "heslíčko je {p}",
    "mám heslo {p} ale nejde se přihlásit",
    "{p} je moje heslo",
    "password: {p}",
    "my password is {p}",
    "pw: {p}",
    "jméno jan@firma.cz, heslo: {p}, server ssl0.ovh.net",
    "vyplnila jsem heslo {p} a pise to chybu",
    'heslo "{p}" mi to nebere',
]
FILLER = [
    "Dobrý den, nastavuji si poštu v telefonu podle návodu a zasekla jsem se.",
    "Server mám ssl0.ovh.net a port 993, to by mělo být dobře.",
    "Už to zkouším asi hodinu a pořád nic, nevím si rady.",
    "Telefon je Lumia s Windows Phone 8.",
    "Děkuji moc za pomoc, jste hodní.",
]
WORDS = ["Slunicko", "kocicka", "Zahrada", "tajne", "Beruska", "modrak", "Lipa", "zelenina"]
TAILS = st.text(alphabet=string.ascii_letters + string.digits + "!#%&*+-_", min_size=3, max_size=8)
SECRETS = st.one_of(
    st.builds(str.__add__, st.sampled_from(WORDS), TAILS),  # a word with something added
    # letters only; one that reads as a negated verb ("nejdeto") is taken for a description,
    # one with a verb's ending ("…ovat", "…ání") or in the dictionary for an ordinary word
    # (czech_nlu/password.py says so)
    # (Hypothesis also draws the string constants of our own code, "obsahuje" among them)
    st.text(alphabet=string.ascii_lowercase, min_size=7, max_size=12).filter(
        lambda s: (
            not s.startswith("ne") and not s.endswith(VERBAL_NOUN_ENDINGS) and not ordinary_word(s)
        )
    ),
    st.text(alphabet=string.ascii_letters + string.digits, min_size=6, max_size=14).filter(
        lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s)
    ),
)


WRAPPINGS = ["alone", "long", "slash"]


@st.composite
def phrasings(draw, template, wrapping):
    secret = draw(SECRETS)
    text = template.format(p=secret)
    if draw(st.booleans()):  # typed without diacritics (the password keeps its letters)
        text = fold(text.replace(secret, "\0")).replace("\0", secret)
    if wrapping == "long":
        before = draw(st.lists(st.sampled_from(FILLER), min_size=1, max_size=4))
        after = draw(st.lists(st.sampled_from(FILLER), max_size=3))
        text = " ".join([*before, text + ".", *after])
    elif wrapping == "slash":
        text = "/" + text
    return secret, text


def files_written(stack):
    contents = {}
    for path in stack.workdir.rglob("*"):
        try:
            contents[path] = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            continue  # SQLite's journal comes and goes while the stack writes: gone is not kept
    return contents


def assert_nowhere(secrets, stack, replies, slack_api):
    written = files_written(stack)
    assert {"tracker.db", "rasa.log", "actions.log"} <= {p.name for p in written}
    for secret in secrets:
        encoded = secret.encode()
        for path, content in written.items():
            assert encoded not in content, f"{secret!r} in {path.name}"
        assert secret not in str(replies), f"{secret!r} in a reply"
        assert secret not in str(slack_api.calls), f"{secret!r} posted to Slack"


# Every phrasing in every wrapping, twice, with secrets, diacritics, fillers and channel
# drawn by Hypothesis: 28 × 3 × 2 = 168 messages. Drawn at random instead, all 84 pairs
# had appeared only after 547-1 510 examples (30 seeds); 300 random ones left ~10 unseen.
@pytest.mark.parametrize("wrapping", WRAPPINGS)
@pytest.mark.parametrize("template", TEMPLATES)
@settings(
    max_examples=2,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), channel=st.sampled_from(["rest"] * 8 + ["socketio", "slack"]))
async def test_no_typed_password_is_kept_or_echoed(
    stack, slack_api, template, wrapping, data, channel
):
    phrasing = data.draw(phrasings(template, wrapping))
    secret, text = phrasing
    # A word the stack writes anyway ("actions" is in every log) proves nothing.
    assume(not any(secret.encode() in content for content in files_written(stack).values()))
    sender = f"pw-{uuid.uuid4().hex[:10]}"
    if channel == "rest":
        replies = stack.say(sender, text)
    elif channel == "socketio":
        replies = await socketio_say(stack, sender, text)
    else:
        user_channel = f"D{uuid.uuid4().hex[:8].upper()}"
        assert send_event(stack, f"U{sender[-8:].upper()}", user_channel, text) == 200
        replies = slack_api.wait_for_posts(user_channel, 1)
    # (in the customer's language: "my password is X" gets the English warning)
    warned = "Heslo prosím nikomu nepište" in str(replies) or "don't share your password" in str(
        replies
    )
    assert warned, f"no warning for {text!r}: {replies}"
    assert_nowhere([secret], stack, replies, slack_api)


def test_a_handoff_after_a_password_keeps_no_password(stack, slack_api, sender):
    secrets = ["Rybnik42x", "qwertzuiop"]
    replies = [
        stack.say(sender, f"moje heslo je {secrets[0]}"),
        stack.say(sender, f"zadal jsem heslo {secrets[1]} a nejde odesilat"),
        stack.say(sender, "chci mluvit s clovekem"),
    ]
    assert "předám Vás" in reply_text(replies[-1]) or "Předal jsem" in reply_text(replies[-1])
    stack.handoff_record(conversation=sender)  # its Slack post has left
    assert_nowhere(secrets, stack, replies, slack_api)


def test_make_shell_takes_the_guarded_path(stack, slack_api):
    secrets = ["Lumia77shell", "mrkvicka", "Tajne#12"]
    typed = (
        "\n".join(
            [
                f"moje heslo je {secrets[0]}",
                f"zadal jsem heslo {secrets[1]}",
                f"heslo: {secrets[2]}",
                "jaky port pro imap se ssl",
            ]
        )
        + "\n"
    )
    shell = subprocess.run(
        [PYTHON, "-m", "scripts.shell", "--url", f"http://localhost:{stack.rasa_port}"],
        input=typed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.count("Heslo prosím nikomu nepište") >= 2
    assert "993" in shell.stdout and "**" not in shell.stdout  # bold as plain text
    assert_nowhere(secrets, stack, shell.stdout, slack_api)
