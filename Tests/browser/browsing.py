"""How every browser test drives the page: Debian's chromium launched by Playwright (never
`playwright install`), a page whose console errors and uncaught exceptions are collected, and
the few page gestures both suites use."""
import re

from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1440, "height": 900}
# What the browser itself logs while a server is down (the restart tests): network failures,
# not errors of the page's code.
NETWORK_NOISE = re.compile(r"ERR_CONNECTION_REFUSED|WebSocket connection to|Failed to load resource|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE")


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


def watched_page(browser, url):
    """A new page (in its own context: its own cookies and storage) opened at `url`, and the
    list its console errors and warnings and its uncaught exceptions are appended to."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    errors = []
    page.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.goto(url)
    return page, errors


def code_errors(errors):
    return [e for e in errors if not NETWORK_NOISE.search(e)]


def connect_key(page, client):
    page.click("#key-open")
    page.fill("#key-api", client.api_key)
    page.fill("#key-secret", client.secret)
    page.click('#key-form button[value="save"]')
    expect(page.locator("#key-open")).to_have_text("API key connected")


def disconnect_key(page):
    page.click("#key-open")
    page.click('#key-form button[value="forget"]')
    expect(page.locator("#key-open")).to_have_text("Connect API key")


def catalogues(page):
    """The page's catalogues as the browser loaded them: {language: {key: text}}."""
    return page.evaluate("async () => (await import('/web/catalogues.js')).catalogues")
