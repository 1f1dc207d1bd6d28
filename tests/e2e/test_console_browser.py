"""The staff console in Debian's chromium: a support lead logs in, reads the inbox of a bot
whose customers sent hostile markup (shown as text: no script runs, no image loads, no
`javascript:` link), opens a group's conversation and the overview with its plots, makes a
new question from a group (its markup refused, what was typed kept), and
tries the running bot in the chat pane. The README's screenshot is taken here."""

import asyncio
import re
from pathlib import Path

import pytest
from console_client import Console, project_copy
from playwright.sync_api import expect, sync_playwright
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from widget_browser import CHROMIUM, CHROMIUM_ARGS

from console import accounts
from tests.stack import ROOT

pytestmark = pytest.mark.e2e
EMAIL, PASSWORD = "vedouci@firma.cz", "Dlouhe-heslo-vedouci-2"
HOSTILE = [
    "<script>window.hacked=1;document.title='XSS'</script> jak nastavim webmail",
    '<img src=x onerror="window.hacked=1"> kde je webmail prosim',
    "[webmail](javascript:window.hacked=1) webmail v prohlizeci",
    "jak se dostanu do webmailu",
    "webmail adresa",
]
MORE = [
    "Kde najdu webmail?",
    "adresa webmailu prosím",
    "chci číst poštu v prohlížeči",
    "jde pošta číst přes web?",
    "odkaz na webovou poštu",
    "jak otevřu poštu na webu bez telefonu",
    "máte nějaký webmail?",
    "pošta v prohlížeči, kde?",
    "přihlášení do webové pošty",
    "na jaké adrese je webmail",
    "webova posta adresa",
    "kde se prihlasim do webmailu",
]
SCREENSHOT = ROOT / "results" / "console.png"
OVERVIEW_SCREENSHOT = ROOT / "results" / "console_overview.png"


@pytest.fixture(scope="module")
def console(tmp_path_factory, stack):
    home = tmp_path_factory.mktemp("console-browser")
    db = home / "tracker.db"
    endpoints = home / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: sql\n  dialect: sqlite\n  db: {db}\n")
    store = SQLTrackerStore(dialect="sqlite", db=str(db))
    for number, text in enumerate(HOSTILE):
        parse = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3}}
        events = [
            ActionExecuted("action_listen"),
            UserUttered(text, parse["intent"], [], parse, input_channel="socketio"),
            BotUttered("…", metadata={"utter_action": "utter_fallback"}),
        ]
        asyncio.run(store.save(DialogueStateTracker.from_events(f"web-{number}", events)))
    store.engine.dispose()
    accounts.set_password(EMAIL, PASSWORD, f"sqlite:///{db}")
    env = {"CONSOLE_BOT_URL": f"http://localhost:{stack.rasa_port}"}
    running = Console(project_copy(home / "project", git=True), endpoints, 5190, env)
    yield running
    running.stop()


def test_a_support_lead_works_the_inbox_in_the_browser(console):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        try:
            page.goto(f"{console.url}/nezodpovezene")
            expect(page).to_have_url(f"{console.url}/prihlaseni")
            page.fill("input[name=email]", EMAIL)
            page.fill("input[name=heslo]", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Nezodpovězené")

            # hostile messages are text
            main = page.locator("main")
            expect(main).to_contain_text("<script>window.hacked=1")
            expect(main).to_contain_text('<img src=x onerror="window.hacked=1">')
            assert main.locator("img, script").count() == 0
            assert page.locator("a[href^='javascript']").count() == 0
            assert page.evaluate("window.hacked") is None and "XSS" not in page.title()
            assert all(url.startswith(console.url) for url in requests)
            page.screenshot(path=str(SCREENSHOT), full_page=True)

            # a group's conversation as a transcript, still text; the overview's plots load
            page.locator("section.group a[href^='/konverzace/prepis']").first.click()
            expect(page.locator("#prepis li.customer").first).to_contain_text("webmail")
            assert page.locator("#prepis img, #prepis script").count() == 0
            page.click("text=Konverzace a přehled")
            expect(page.locator("#konverzace tbody tr")).to_have_count(len(HOSTILE))
            plots = page.locator("figure img")
            expect(plots).to_have_count(2)
            assert all(plot.evaluate("i => i.naturalWidth") > 100 for plot in plots.all())
            page.screenshot(path=str(OVERVIEW_SCREENSHOT), full_page=True)
            page.goto(f"{console.url}/nezodpovezene")

            # a new question from the group: refused (too few examples, or markup in them)
            # with everything typed kept; the lead writes more
            group = page.locator("section.group").first
            group.locator("summary", has_text="Nová otázka").click()
            group.locator("input[name=nazev]").fill("ask_webmail")
            answer = "Webmail otevřete v zákaznickém prostoru u své e-mailové schránky."
            group.locator("textarea[name=odpoved]").fill(answer)
            group.locator("button", has_text="Vytvořit otázku").click()
            expect(page.locator(".error")).to_contain_text(re.compile("aspoň 10|značky HTML"))
            expect(page.locator("textarea[name=odpoved]")).to_have_value(answer)
            expect(page.locator("input[name=nazev]")).to_have_value("ask_webmail")
            page.locator("textarea[name=priklady]").fill("\n".join(MORE))
            page.click("button:has-text('Vytvořit otázku')")
            expect(page.locator("h1")).to_have_text("ask_webmail")
            expect(page.locator("main")).to_contain_text("kde se prihlasim do webmailu")

            # the chat pane talks to the running bot
            page.click("text=Trénovat a zveřejnit")
            page.fill("#chat-text", "jaky port pro imap se ssl")
            page.click("#chat-form button")
            expect(page.locator("#zpravy p.bot").first).to_contain_text("993", timeout=30_000)
            assert not dialogs
        finally:
            browser.close()
    assert Path(SCREENSHOT).stat().st_size > 10_000
