"""The support page's chat widget in a real browser (Debian's chromium, driven by Playwright),
talking to the running Rasa server over socket.io."""

import re
import time

import pytest
from playwright.sync_api import expect
from widget_browser import bot_says, type_message

from actions import knowledge
from tests.test_devices import WINDOWS_PHONE_PATH

pytestmark = pytest.mark.e2e


def test_widget_answers_keeps_history_and_continues(stack, page):
    page.goto(stack.page)
    expect(page).to_have_title("Podpora – nastavení e-mailu v telefonu")
    page.locator(".rw-launcher").click()
    expect(page.locator(".rw-title")).to_have_text("Podpora e-mailu")
    expect(page.locator(".rw-new-message")).to_have_attribute("placeholder", "Napište dotaz…")
    # The bot greets on open, with quick replies.
    expect(bot_says(page, "^Dobrý den")).to_be_visible()
    expect(page.locator(".rw-reply", has_text="Návod k nastavení")).to_be_visible()

    type_message(page, "Jaký port pro IMAP se SSL?")
    expect(bot_says(page, "993")).to_be_visible()
    # Markdown bold is rendered, not shown as asterisks.
    expect(bot_says(page, "993").locator("strong", has_text="993")).to_be_visible()

    type_message(page, "navod na nastaveni posty na lumii")
    expect(bot_says(page, "^Krok 1 z 8")).to_be_visible()
    page.locator(".rw-reply", has_text="Hotovo").last.click()
    expect(bot_says(page, "^Krok 2 z 8")).to_be_visible()

    page.reload()
    page.locator(".rw-launcher").wait_for()
    page.wait_for_timeout(500)  # the widget restores its open/closed state from storage
    if not page.locator(".rw-new-message").is_visible():
        page.locator(".rw-launcher").click()
    # History survives the reload, and the server still knows the step: same session.
    expect(bot_says(page, "993")).to_be_visible()
    expect(bot_says(page, "^Krok 2 z 8")).to_be_visible()
    type_message(page, "hotovo")
    expect(bot_says(page, "^Krok 3 z 8")).to_be_visible()
    expect(bot_says(page, "^Dobrý den")).to_have_count(1)  # no second greeting


def test_page_and_widget_ask_no_host_but_the_bots_own(stack, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda socket: requests.append(socket.url))
    page.goto(stack.page)
    page.locator(".rw-launcher").click()
    type_message(page, "jaky port pro imap se ssl")
    expect(bot_says(page, "993")).to_be_visible()
    # A link that points the widget at another host is not followed: the page falls back
    # to the bot on its own host (:5005, not running here).
    page.goto(f"http://localhost:{stack.web_port}/?bot=http://evil.example:{stack.rasa_port}")
    page.wait_for_load_state("networkidle")
    print("requests of the page:", *sorted(set(requests)), sep="\n  ")
    hosts = {re.match(r"\w+://([^/]+)", url).group(1) for url in requests}
    assert hosts <= {
        f"localhost:{stack.web_port}",
        f"localhost:{stack.rasa_port}",
        "localhost:5005",
    }
    assert any(url.startswith(f"http://localhost:{stack.rasa_port}/socket.io/") for url in requests)
    assert any(url.startswith("http://localhost:5005/socket.io/") for url in requests)


def test_widget_greets_at_once_lists_steps_and_keeps_buttons_visible(stack, page):
    page.goto(stack.page)
    page.wait_for_load_state("networkidle")  # the page is there, its widget connected
    opened = time.monotonic()
    page.locator(".rw-launcher").click()
    expect(bot_says(page, "^Dobrý den")).to_be_visible()
    print(f"greeting shown {time.monotonic() - opened:.2f} s after opening the widget")

    type_message(page, "navod krok za krokem na lumii, budu pouzivat imap se ssl")
    expect(bot_says(page, "ve Windows Phone krok za krokem")).to_be_visible()
    heading = bot_says(page, "^Krok 1 z 8").locator("strong")
    first = knowledge.steps()[0].title
    expect(heading).to_have_text(f"Krok 1 z 8: {first}")  # the step stands out
    type_message(page, "krok 7")
    expect(bot_says(page, "^Krok 7 z 8")).to_be_visible()
    expect(bot_says(page, "^Hodnoty pro")).to_be_visible()
    # The navigation sits under the values, where the customer sees it.
    expect(page.locator(".rw-reply", has_text="Hotovo").last).to_be_visible()

    type_message(page, "prisel mi ticket open smtp")
    expect(bot_says(page, "Jak zapnout ověřování")).to_be_visible()
    steps = page.locator(".rw-response ol > li")
    expect(steps).to_have_count(4)  # a numbered list, not one run-on paragraph
    # The outgoing server and its ports stand out in their item.
    smtp = knowledge.protocols()["smtp"]["ports"]
    expect(steps.filter(has_text=knowledge.server("outgoing")).locator("strong")).to_have_text(
        [knowledge.server("outgoing"), str(smtp["ssl"]), str(smtp["plain"])]
    )


def test_on_a_phone_screen_the_form_step_keeps_its_buttons_in_view(stack, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(stack.page)
    page.locator(".rw-launcher").click()
    type_message(page, "mam android, jake je nastaveni serveru?")
    expect(bot_says(page, knowledge.server("incoming"))).to_be_visible()  # the settings
    type_message(page, "navod krok za krokem na lumii, pop3 bez ssl")
    type_message(page, "krok 7")
    expect(bot_says(page, "^Hodnoty pro POP3 bez SSL")).to_be_visible()
    hotovo = page.locator(".rw-reply", has_text="Hotovo").last
    expect(hotovo).to_be_visible()
    expect(hotovo).to_be_in_viewport()


def test_new_conversation_starts_afresh(stack, page):
    page.goto(stack.page)
    page.locator(".rw-launcher").click()
    type_message(page, "navod na nastaveni posty na lumii")
    expect(bot_says(page, "^Krok 1 z 8")).to_be_visible()
    page.locator("#new-conversation").click()
    page.locator(".rw-launcher").wait_for()
    if not page.locator(".rw-new-message").is_visible():
        page.locator(".rw-launcher").click()
    expect(bot_says(page, "^Dobrý den")).to_be_visible()
    expect(bot_says(page, "^Krok 1 z 8")).to_have_count(0)  # the old history is gone
    type_message(page, "hotovo")  # no walkthrough runs in the new conversation: one is offered
    page.locator(".rw-reply", has_text="Spustit návod").last.click()
    expect(bot_says(page, "Na jakém zařízení")).to_be_visible()  # the device is not known
    page.locator(".rw-reply", has_text="Windows Phone").last.click()
    expect(bot_says(page, "^Krok 1 z 8")).to_be_visible()  # and starts at its beginning


def test_a_device_chosen_by_its_button_and_switched_mid_way_in_the_widget(stack, page):
    iphone, android = knowledge.guide("iphone_mail"), knowledge.guide("android_gmail")
    page.goto(stack.page)
    page.locator(".rw-launcher").click()
    type_message(page, "potrebuju nastavit postu, provedete me tim?")
    expect(bot_says(page, "Na jakém zařízení")).to_be_visible()
    page.locator(".rw-reply", has_text=iphone.short).last.click()
    expect(bot_says(page, f"^Krok 1 z {len(iphone.steps)}")).to_be_visible()
    expect(bot_says(page, "konfigurační profil")).to_be_visible()  # Apple: one tap instead
    page.locator(".rw-reply", has_text="Hotovo").last.click()  # (past the taps on the way)
    expect(
        bot_says(page, f"^Krok {iphone.shown_with(1) + 1} z {len(iphone.steps)}")
    ).to_be_visible()
    type_message(page, "pardon, vlastne je to android, ne iphone")
    expect(
        bot_says(page, f"^Krok 1 z {len(android.steps)}: {android.steps[0].title}")
    ).to_be_visible()
    for number in android.stops()[1:]:  # (the steps before the form come with it)
        page.locator(".rw-reply", has_text="Hotovo").last.click()
        expect(bot_says(page, f"^Krok {number} z {len(android.steps)}")).to_be_visible()
    said = "\n".join(page.locator(".rw-response").all_inner_texts())  # the bot's messages
    assert knowledge.server("incoming") in said
    assert not WINDOWS_PHONE_PATH.search(said)
