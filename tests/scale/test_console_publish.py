"""From a question customers asked and the bot missed to an answer on every Rasa server, as a
support lead does it in Debian's chromium: log in, open the inbox, make a new question from
the group, train (the progress live; one training at a time; the held-out gate), publish –
both servers pull the model within their pull interval, the widget and REST answer the new
question, and a customer in the middle of the walkthrough in the widget goes on at their
step – then *vrátit předchozí* takes the question away again."""

import re
import time

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from widget_browser import CHROMIUM, CHROMIUM_ARGS, bot_says, type_message

from console import accounts
from stores.database import tracker_store_url
from tests.polling import wait_until
from tests.scale.conftest import PULL_SECONDS
from tests.stack import ROOT, reply_text

pytestmark = pytest.mark.scale
EMAIL = "vedouci@firma.cz"
PASSWORD = "Dlouhe-heslo-vedouci-1"
ANSWER = "Slevy pro studenty, školy a neziskové organizace najdete v ceníku v zákaznickém prostoru."
# What customers ask first: the bot has no answer, so it lands in the inbox.
ASKED = ["mate slevu pro studenty?", "je nejaka sleva pro neziskovky", "davate slevy skolam?"]
# What the lead adds to the group's examples before making it a question.
MORE = [
    "Máte slevu pro studenty?",
    "Existuje studentská sleva?",
    "Dáváte slevy školám?",
    "Mají neziskové organizace slevu?",
    "sleva pro spolky",
    "je sleva pro neziskovou organizaci",
    "jsem student, mam narok na slevu?",
    "skolni sleva na hosting",
    "slevy pro nadace a spolky",
    "mate zvyhodneni pro studenty",
    "zlevneni pro skoly",
    "studentska sleva",
    "sleva pro neziskovy sektor",
    "dostanou skoly slevu?",
    "nabizite slevu pro vzdelavaci instituce",
    "sleva pro univerzitu",
    "mate akademickou slevu",
]
QUESTION = "je nejaka sleva pro studenty?"
# A model loads in 10-20 s on two busy cores; a pull happens every PULL_SECONDS.
PUBLISHED_WITHIN = 90 + PULL_SECONDS


def answered_on_both(servers, sender_prefix: str) -> bool:
    return all(
        ANSWER in reply_text(server.say(f"{sender_prefix}-{n}-{time.monotonic_ns()}", QUESTION))
        for n, server in enumerate(servers)
    )


def gone_on_both(servers) -> bool:
    return not any(
        ANSWER in reply_text(s.say(f"back-{time.monotonic_ns()}", QUESTION)) for s in servers
    )


def log_in(page: Page, url: str) -> None:
    page.goto(f"{url}/nezodpovezene")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=heslo]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Nezodpovězené")


def test_a_missed_question_becomes_an_answer_on_both_servers_and_rolls_back(
    servers, console, production_env, sender, monkeypatch
):
    first, second = servers
    for name, value in production_env.items():
        monkeypatch.setenv(name, value)
    accounts.set_password(EMAIL, PASSWORD, tracker_store_url(ROOT / "endpoints.production.yml"))
    for number, text in enumerate(ASKED):
        assert ANSWER not in reply_text(first.say(f"{sender}-asked-{number}", text))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        lead = browser.new_page(viewport={"width": 1100, "height": 900})
        lead.set_default_timeout(30_000)
        customer = browser.new_context(locale="cs-CZ").new_page()
        customer.set_default_timeout(30_000)
        try:
            # a customer in the middle of the walkthrough, in the widget (second server)
            customer.goto(second.page)
            customer.locator(".rw-launcher").click()
            for text in ("navod na nastaveni posty", "Windows Phone", "hotovo"):
                type_message(customer, text)
            expect(bot_says(customer, "Krok 2 z 8")).to_be_visible()

            # the inbox of what the servers missed: a new question from the group
            log_in(lead, console.url)
            group = lead.locator("section.group", has_text=ASKED[0])
            expect(group).to_be_visible()
            group.locator("summary", has_text="Nová otázka").click()
            form = group.locator("form[action='/otazky/nova']")
            form.locator("input[name=nazev]").fill("ask_discount")
            examples = form.locator("textarea[name=priklady]")
            examples.fill(examples.input_value() + "\n" + "\n".join(MORE))
            form.locator("textarea[name=odpoved]").fill(ANSWER)
            form.locator("button", has_text="Vytvořit otázku").click()
            expect(lead.locator("h1")).to_have_text("ask_discount")

            # train: one at a time, the progress live, then the held-out gate
            lead.click("text=Trénovat a zveřejnit")
            lead.click("button:has-text('Trénovat')")
            expect(lead.locator("#stav")).to_have_text("trénuje")
            lead.click("button:has-text('Trénovat')")
            expect(lead.locator("[role=status]")).to_contain_text("Trénink už běží")
            started = lead.locator("#sekundy").inner_text()
            expect(lead.locator("#sekundy")).not_to_have_text(started, timeout=10_000)
            row = lead.locator("tbody tr", has_text=EMAIL).first
            expect(row).to_contain_text("prošel", timeout=900_000)
            expect(lead.locator("#stav")).to_have_text("hotovo")

            # publish: both servers, REST and the widget; the walkthrough goes on
            published = time.monotonic()
            row.locator("button", has_text="Zveřejnit").click()
            expect(row).to_contain_text("zveřejněn")
            wait_until(
                lambda: answered_on_both(servers, "after"),
                seconds=PUBLISHED_WITHIN,
                what="the published question answered by both servers",
            )
            print(f"publish → answered by both servers: {time.monotonic() - published:.0f} s")
            type_message(customer, QUESTION)
            expect(bot_says(customer, re.escape(ANSWER))).to_be_visible()
            type_message(customer, "hotovo")
            expect(bot_says(customer, "Krok 3 z 8")).to_be_visible()
            lead.fill("#chat-text", QUESTION)
            lead.click("#chat-form button")
            expect(lead.locator("#zpravy p.bot").first).to_contain_text(ANSWER)

            # roll back: the question is gone again, everywhere
            lead.click("button:has-text('Vrátit předchozí')")
            wait_until(
                lambda: gone_on_both(servers),
                seconds=PUBLISHED_WITHIN,
                what="the question gone again on both servers",
            )
            said = customer.locator(".rw-response")
            before = said.count()
            type_message(customer, QUESTION)
            expect(said.nth(before)).to_be_visible()
            customer.wait_for_timeout(1_000)  # the rest of the reply, if it has several parts
            assert not any(ANSWER in said.nth(n).inner_text() for n in range(before, said.count()))
            lead.click("text=Historie")
            for word in ("nová otázka", "trénink", "zveřejněno", "vráceno"):
                expect(lead.locator("main")).to_contain_text(word)
        finally:
            browser.close()
