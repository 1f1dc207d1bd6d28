"""The support page's widget in Debian's chromium, driven by Playwright (never a downloaded
browser): the `page` fixture (tests/e2e/conftest.py) and what a customer does in it."""

import os
import re
import shutil

from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no component updates, sync or background fetches.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def bot_says(page: Page, pattern: str):
    return page.locator(".rw-response", has_text=re.compile(pattern))


def type_message(page: Page, text: str) -> None:
    page.locator(".rw-new-message").fill(text)
    page.keyboard.press("Enter")
