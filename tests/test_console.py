"""The staff console as a browser meets it: its own server process on a copy of the project
(a git checkout) and a tracker database of its own. Logins, sessions, CSRF, slowed-down
guessing, hostile customer text, and the questions staff add, with their checks and the
audit trail."""

import asyncio
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import sqlalchemy as sa
import yaml
from console_client import ROOT, Browser, Console, project_copy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from console import accounts
from console.store import USERS
from stores import handoffs

EMAIL = "anna@firma.cz"
PASSWORD = "Sedm-krat-meric-1"
HOSTILE = [
    "<script>document.title='XSS'</script> jak nastavim webmail",
    "<img src=x onerror=\"document.title='XSS'\"> kde je webmail",
    "[klikni](javascript:alert(1)) webmail v prohlizeci <b>tucne</b>",
]
WEBMAIL = [
    "Jak se přihlásím do webmailu?",
    "Kde najdu webmail?",
    "adresa webmailu prosím",
    "chci číst poštu v prohlížeči",
    "jde pošta číst přes web?",
    "odkaz na webovou poštu",
    "webmail nefunguje přihlášení, kde je?",
    "jak otevřu poštu na webu bez telefonu",
    "máte nějaký webmail?",
    "pošta v prohlížeči, kde?",
    "přihlášení do webové pošty",
    "na jaké adrese je webmail",
]
ANSWER = "Webmail otevřete v zákaznickém prostoru u své e-mailové schránky, odkazem Webmail."


SECRET = "Kvetina99"
# A Slack customer who typed a password, rated 👎 with a comment, and asked for a person.
SLACK_CUSTOMER = "U0SLACK&x=1"
SLACK_EVENTS = [
    ActionExecuted("action_listen"),
    UserUttered("heslo mam " + SECRET + " a porad to nejde", input_channel="slack"),
    BotUttered("Heslo prosím nikomu nepište.", metadata={"utter_action": "utter_password_warning"}),
    SlotSet("rating", {"value": "down", "topic": "odesílání"}),
    SlotSet("rating_comment", "chybel mi postup pro <b>android</b>, heslo " + SECRET),
    BotUttered("Předám Vás kolegům.", metadata={"utter_action": "utter_handoff"}),
]


def user(text, intent="nlu_fallback", confidence=0.3):
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": "ask_settings", "confidence": 0.2}],
        "entities": [],
    }
    return UserUttered(text, parse["intent"], [], parse, input_channel="rest")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """The console and its database, with customers' missed questions (hostile ones among
    them) and one staff account."""
    home = tmp_path_factory.mktemp("console")
    db = home / "tracker.db"
    endpoints = home / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {db}\n")
    store = SQLTrackerStore(dialect="sqlite", db=str(db))
    for number, text in enumerate(HOSTILE + ["jak nastavim webmail", "kde je webmail"]):
        events = [ActionExecuted("action_listen"), user(text)]
        events.append(BotUttered("…", metadata={"utter_action": "utter_fallback"}))
        asyncio.run(store.save(DialogueStateTracker.from_events(f"zakaznik-{number}", events)))
    asyncio.run(store.save(DialogueStateTracker.from_events(SLACK_CUSTOMER, SLACK_EVENTS)))
    store.engine.dispose()
    url = f"sqlite:///{db}"
    handoffs.store(
        {
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
            "conversation_id": SLACK_CUSTOMER,
            "channel": "slack",
            "reason": "asked",
            "topic": "odesílání pošty",
            "transcript": [],
            "contact": "+420 601 123 456",
        },
        url,
    )
    accounts.set_password(EMAIL, PASSWORD, url)
    project = project_copy(home / "project", git=True)
    console = Console(project, endpoints)
    yield console, project, url
    console.stop()


@pytest.fixture
def staff(stack):
    console, _, _ = stack
    browser = Browser(console.url)
    status, headers, _ = browser.log_in(EMAIL, PASSWORD)
    assert status == 303 and headers["Location"] == "/"
    return browser


def git(project, *args):
    return subprocess.run(
        ["git", "-C", str(project), *args], check=True, capture_output=True, text=True
    ).stdout


# -- logins and sessions ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/nezodpovezene",
        "/konverzace",
        "/konverzace/prepis?id=zakaznik-1",
        "/otazky",
        "/otazky/greet",
        "/otazky/nova",
        "/historie",
    ],
)
def test_every_page_without_a_session_leads_to_the_login(stack, path):
    status, headers, _ = Browser(stack[0].url).request(path)
    assert status == 303 and headers["Location"] == "/prihlaseni"


def test_an_api_call_without_a_session_is_401(stack):
    status, _, body = Browser(stack[0].url).request("/api/stav")
    assert status == 401 and "přihlaste" in body


def test_the_session_cookie_is_signed_http_only_and_same_site_strict(stack):
    browser = Browser(stack[0].url)
    _, headers, _ = browser.log_in(EMAIL, PASSWORD)
    cookie = next(c for c in headers.get_all("Set-Cookie") if c.startswith("konzole="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    session = browser.cookie("konzole")
    assert json.loads(browser.request("/api/stav")[2]) == {"email": EMAIL}
    # the token with another signature, or a signature of another token: no session
    token, signature = session.value.rsplit(".", 1)
    # (each forgery differs from the real value whatever its characters: "x…" could be the
    # token's own first letter)
    other = "y" if token[0] == "x" else "x"
    zeros = "1" * len(signature) if set(signature) == {"0"} else "0" * len(signature)
    for forged in (f"{token}.{zeros}", f"{other}{token[1:]}.{signature}"):
        session.value = forged
        assert browser.request("/api/stav")[0] == 401


def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(staff):
    form = {"nazev": "ask_cokoli", "priklady": "a\nb", "odpoved": "x"}
    assert staff.request("/otazky/nova", form)[0] == 403
    assert staff.request("/otazky/nova", {**form, "csrf": "spatny"})[0] == 403
    assert staff.request("/nezodpovezene/ignorovat", {"text": "webmail"})[0] == 403
    assert staff.request("/odhlaseni", {})[0] == 403
    # the login form has a token of its own
    login = Browser(staff.base)
    login.request("/prihlaseni")
    assert login.request("/prihlaseni", {"email": EMAIL, "heslo": PASSWORD})[0] == 403


def test_logging_out_ends_the_session(stack):
    browser = Browser(stack[0].url)
    browser.log_in(EMAIL, PASSWORD)
    stolen = browser.cookie("konzole").value
    status, headers, _ = browser.post("/odhlaseni", {})
    assert status == 303 and headers["Location"] == "/prihlaseni"
    other = Browser(stack[0].url)
    status, _, _ = other.request("/api/stav", headers={"Cookie": f"konzole={stolen}"})
    assert status == 401


def test_the_password_is_stored_as_argon2_hash_and_never_shown(stack):
    console, _, url = stack
    with sa.create_engine(url).connect() as connection:
        stored = connection.execute(sa.select(USERS.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.HASHER.verify(stored, PASSWORD)
    browser = Browser(console.url)
    status, _, body = browser.log_in(EMAIL, "Moje-Spatne-Heslo-77")
    assert status == 401 and "nesouhlasí" in body
    assert "Moje-Spatne-Heslo-77" not in body and EMAIL in body
    assert PASSWORD not in console.log.read_text()


def test_guessing_passwords_is_slowed_down(tmp_path):
    """Ten wrong passwords in a row: the later ones are refused without being tried, and so
    is the right one, until the wait is over."""
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {tmp_path}/t.db\n")
    accounts.set_password("petr@firma.cz", PASSWORD, f"sqlite:///{tmp_path}/t.db")
    console = Console(project_copy(tmp_path / "project"), endpoints)
    try:
        browser = Browser(console.url)
        statuses = [browser.log_in("petr@firma.cz", f"hadam-{n}-heslo")[0] for n in range(10)]
        assert statuses[: accounts.FREE_FAILURES] == [401] * accounts.FREE_FAILURES
        assert statuses[-1] == 429
        status, _, body = browser.log_in("petr@firma.cz", PASSWORD)
        assert status == 429 and "Zkuste to znovu za" in body
    finally:
        console.stop()


def test_without_accounts_the_login_page_says_how_to_make_one(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {tmp_path}/t.db\n")
    console = Console(project_copy(tmp_path / "project"), endpoints)
    try:
        body = Browser(console.url).request("/prihlaseni")[2]
        assert "make staff-user EMAIL=" in body
    finally:
        console.stop()


def test_make_staff_user_reads_the_password_twice_from_standard_input(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {tmp_path}/t.db\n")

    def staff_user(stdin):
        return subprocess.run(
            [sys.executable, "-m", "scripts.staff_user", "Jana@Firma.cz"],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "ENDPOINTS": str(endpoints), "PATH": "/usr/bin:/bin"},
        )

    mismatch = staff_user("Dlouhe-heslo-1\nDlouhe-heslo-2\n")
    assert mismatch.returncode == 2 and "neshodují" in mismatch.stderr
    short = staff_user("kratke\nkratke\n")
    assert short.returncode == 2 and "aspoň" in short.stderr
    made = staff_user("Dlouhe-heslo-1\nDlouhe-heslo-1\n")
    assert made.returncode == 0 and "jana@firma.cz vytvořen" in made.stdout
    assert "Dlouhe-heslo-1" not in made.stdout + made.stderr
    url = f"sqlite:///{tmp_path}/t.db"
    token = accounts.log_in("jana@firma.cz", "Dlouhe-heslo-1", "127.0.0.1", url)
    reset = staff_user("Nove-heslo-22\nNove-heslo-22\n")
    assert reset.returncode == 0 and "nové heslo" in reset.stdout
    assert accounts.session(token, url) is None  # a new password ends every session


# -- the inbox --------------------------------------------------------------------------


def test_hostile_customer_messages_are_shown_as_text(staff):
    status, headers, body = staff.request("/nezodpovezene")
    assert status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "&lt;script&gt;document.title" in body and "<script>document" not in body
    assert "&lt;img src=x onerror=" in body and "<img src=x" not in body
    assert 'href="javascript:' not in body and "&lt;b&gt;tucne" in body


def test_ignored_messages_leave_the_inbox_and_stay_away(staff):
    body = staff.request("/nezodpovezene")[2]
    assert "kde je webmail" in body
    status, _, _ = staff.post(
        "/nezodpovezene/ignorovat", {"text": ["kde je webmail"]}, page="/nezodpovezene"
    )
    assert status == 303
    assert "„kde je webmail“" not in staff.request("/nezodpovezene")[2]
    assert "ignorováno" in staff.request("/historie")[2]


def test_a_bad_date_gets_a_clear_answer(staff):
    for page in ("/nezodpovezene", "/konverzace"):
        for query in ("od=vcera", "do=9999-12-31"):
            status, _, body = staff.request(f"{page}?{query}")
            assert status == 400 and "RRRR-MM-DD" in body, (page, query)


# -- conversations and the report -------------------------------------------------------


def test_conversations_are_listed_by_channel_with_the_report_and_its_plots(staff):
    status, _, body = staff.request("/konverzace")
    assert status == 200
    listed = re.search(r'<table id="konverzace">(.*?)</table>', body, re.S).group(1)
    assert listed.count("<tr>") == 1 + len(HOSTILE) + 3  # the heading, rest and slack ones
    assert "U0SLACK&amp;x=1" in listed and "prepis?id=U0SLACK%26x%3D1" in listed
    assert "Předání podpoře" in body and "Konverzace" in body
    assert body.count('src="data:image/png;base64,') == 2  # the funnel and the intents plot
    only_slack = staff.request("/konverzace?kanal=slack")[2]
    listed = re.search(r'<table id="konverzace">(.*?)</table>', only_slack, re.S).group(1)
    assert listed.count("<tr>") == 2 and "U0SLACK" in listed and "zakaznik-0" not in listed
    nobody = staff.request("/konverzace?od=2001-01-01&do=2001-01-02")[2]
    assert "V tomto období žádné konverzace." in nobody


def test_ratings_with_comments_and_handoff_records_are_shown_without_passwords(staff):
    body = staff.request("/konverzace")[2]
    ratings = re.search(r'<table id="hodnoceni">(.*?)</table>', body, re.S).group(1)
    assert "👎" in ratings and "odesílání" in ratings
    assert "chybel mi postup pro &lt;b&gt;android&lt;/b&gt;" in ratings
    handed = re.search(r'<table id="predani">(.*?)</table>', body, re.S).group(1)
    assert "odesílání pošty" in handed and "čeká" in handed and "+420 601 123 456" in handed
    assert SECRET not in body


def test_one_conversation_is_a_transcript_with_passwords_redacted(staff):
    status, _, body = staff.request("/konverzace/prepis?id=U0SLACK%26x%3D1")
    assert status == 200
    assert "heslo mam [heslo skryto] a porad to nejde" in body and SECRET not in body
    assert "Heslo prosím nikomu nepište." in body and "Předání č." in body
    hostile = staff.request("/konverzace/prepis?id=zakaznik-0")[2]
    assert "&lt;script&gt;document.title" in hostile and "<script>document" not in hostile
    status, _, body = staff.request("/konverzace/prepis?id=nikdo")
    assert status == 404 and "Takovou konverzaci neznám" in body


def test_non_ascii_tokens_and_odd_bodies_get_a_clean_4xx_or_502(stack, staff):
    browser = Browser(stack[0].url)
    assert browser.request("/model?token=%C4%8D")[0] == 401
    assert staff.request("/otazky/nova", {"csrf": "č", "nazev": "x"})[0] == 403
    login = Browser(stack[0].url)
    login.request("/prihlaseni")
    assert login.request("/prihlaseni", {"csrf": "č.č", "email": EMAIL, "heslo": "x"})[0] == 403
    # the chat pane with a body that is no object, and no bot running: a Czech 502
    token = staff.csrf("/modely")
    headers = {"X-CSRF-Token": token, "Content-Type": "application/json"}
    request = urllib.request.Request(
        staff.base + "/api/chat", data=b"[1]", headers=headers, method="POST"
    )
    try:
        staff.opener.open(request, timeout=60)
        raise AssertionError("no bot runs here")
    except urllib.error.HTTPError as error:
        assert error.code == 502 and "neodpovídá" in error.read().decode()


# -- questions ------------------------------------------------------------------------


def test_a_new_question_is_written_committed_by_its_author_and_listed(stack, staff):
    _, project, _ = stack
    form = {"nazev": "ask_webmail", "priklady": "\n".join(WEBMAIL), "odpoved": ANSWER}
    status, headers, _ = staff.post("/otazky/nova", form)
    assert status == 303 and headers["Location"] == "/otazky/ask_webmail"
    domain = yaml.safe_load((project / "domain.yml").read_text(encoding="utf-8"))
    assert domain["responses"]["utter_ask_webmail"] == [{"text": ANSWER}]
    assert (project / "data/nlu/ask_webmail.yml").exists()
    author = git(project, "log", "-1", "--format=%ae|%s")
    assert author.strip() == f"{EMAIL}|nová otázka: ask_webmail"
    assert "data/nlu/ask_webmail.yml" in git(project, "show", "--name-only", "--format=", "HEAD")
    assert ANSWER in staff.request("/otazky")[2]
    history = staff.request("/historie")[2]
    assert (
        "ask_webmail" in history and git(project, "rev-parse", "--short", "HEAD").strip() in history
    )

    # an answer edited, an example removed: each a commit of its own
    new_answer = ANSWER + " Přihlašovací jméno je celá adresa."
    assert staff.post("/otazky/ask_webmail/odpoved", {"odpoved": new_answer})[0] == 303
    domain = yaml.safe_load((project / "domain.yml").read_text(encoding="utf-8"))
    assert domain["responses"]["utter_ask_webmail"] == [{"text": new_answer}]
    assert staff.post("/otazky/ask_webmail/odebrat", {"priklad": "Kde najdu webmail?"})[0] == 303
    page = staff.request("/otazky/ask_webmail")[2]
    assert "Kde najdu webmail?" not in page and "kde najdu webmail?" not in page
    log = git(project, "log", "--format=%ae %s", "-3")
    assert log.count(EMAIL) == 3 and "příklad odebrán" in log and "odpověď upravena" in log


@pytest.mark.parametrize(
    "form, reason",
    [
        ({"priklady": "\n".join(WEBMAIL[:5])}, "aspoň 10"),
        ({"priklady": "\n".join(WEBMAIL[:11] + ["Dobrý den"])}, "patří k greet"),
        ({"odpoved": "Webmail běží na SSL0.OVH.NET, port 993."}, "opisuje údaje"),
        ({"priklady": "\n".join(WEBMAIL[:11] + ["<script>x</script> webmail"])}, "značky HTML"),
        ({"odpoved": "<img src=x onerror=alert(1)>"}, "značky HTML"),
        ({"priklady": "\n".join(WEBMAIL[:11] + ["w" * 5000])}, "nejvýš 300 znaků"),
        ({"odpoved": "a" * 5000}, "nejvýš 1500 znaků"),
        ({"nazev": "Nová Otázka!"}, "snake_case"),
    ],
)
def test_a_refused_question_says_why_beside_the_form_and_keeps_what_was_typed(
    stack, staff, form, reason
):
    _, project, _ = stack
    before = git(project, "rev-parse", "HEAD")
    # other sentences than the question made above, which would own them
    others = "\n".join(f"{e} (webovka)" for e in WEBMAIL)
    sent = {"nazev": "ask_webovka", "priklady": others, "odpoved": ANSWER, **form}
    status, _, body = staff.post("/otazky/nova", sent)
    assert status == 422 and reason in body, re.findall(r'class="error"[^>]*>([^<]*)', body)
    assert 'class="error"' in body
    kept = sent["odpoved"] if len(sent["odpoved"]) < 200 else sent["priklady"].splitlines()[0]
    assert re.sub(r"&#3[49];", "", kept.replace("<", "&lt;").replace(">", "&gt;"))[:40] in (
        re.sub(r"&#3[49];", "", body)
    )
    assert git(project, "rev-parse", "HEAD") == before
    assert not (project / "data/nlu/ask_webovka.yml").exists()


def test_examples_join_an_existing_question_from_the_inbox(stack, staff):
    _, project, _ = stack
    lines = ["jak nastavim webmail", "webmail v prohlizeci prosim"]
    status, headers, _ = staff.post(
        "/otazky/priklady", {"otazka": "ask_server", "priklady": "\n".join(lines)}, "/nezodpovezene"
    )
    assert status == 303 and headers["Location"] == "/otazky/ask_server"
    page = staff.request("/otazky/ask_server")[2]
    assert "webmail v prohlizeci prosim" in page or "jak nastavim webmail" in page
    assert git(project, "log", "-1", "--format=%ae").strip() == EMAIL


def test_an_unknown_question_is_404(staff):
    assert staff.request("/otazky/neexistuje")[0] == 404


def test_answers_made_from_the_knowledge_file_cannot_be_edited(stack, staff):
    status, _, body = staff.post("/otazky/ask_port/odpoved", {"odpoved": "cokoli"})
    assert status == 422 and "skládá bot sám" in body
    assert ROOT.exists()


# -- the model server -------------------------------------------------------------------


def fake_model(path, model_id):
    """A model archive as Rasa writes it, as far as the model server reads it."""
    import io
    import tarfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        data = json.dumps({"model_id": model_id}).encode()
        info = tarfile.TarInfo("metadata.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


def test_the_model_server_answers_rasa_with_etag_and_304_only_for_its_token(stack, staff):
    console, project, _ = stack
    browser = Browser(console.url)
    assert browser.request("/model?token=nic")[0] == 401
    token = "test-model-token"  # CONSOLE_MODEL_TOKEN of console_client.Console
    fake_model(project / "models" / "helpdesk.tar.gz", "prvni-model")
    status, headers, _ = browser.request(f"/model?token={token}")
    assert status == 200 and headers["ETag"] == "prvni-model"
    assert (
        browser.request(f"/model?token={token}", headers={"If-None-Match": "prvni-model"})[0] == 304
    )
    # `make train` builds a newer model: the servers get it, and it is a publication of its own
    time.sleep(0.05)
    fake_model(project / "models" / "helpdesk.tar.gz", "druhy-model")
    assert browser.request(f"/model?token={token}")[1]["ETag"] == "druhy-model"
    page = staff.request("/modely")[2]
    assert "make train" in page and "Vrátit předchozí" in page
    assert staff.post("/modely/vratit", {}, page="/modely")[0] == 303
    assert browser.request(f"/model?token={token}")[1]["ETag"] == "prvni-model"
    # nobody publishes a model the gate refused, or one that does not exist
    assert (
        "zprava=neprosel" in staff.post("/modely/999/zverejnit", {}, page="/modely")[1]["Location"]
    )


def test_the_servers_own_refusals_are_czech(staff):
    status, _, body = staff.request("/neexistujici-stranka")
    assert status == 404 and "není" in body
    status, _, body = staff.request("/odhlaseni")  # a form's address opened as a page
    assert status == 405 and "tímto způsobem" in body
