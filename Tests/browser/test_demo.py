"""The web page against `solvent demo` itself: the bots' book and trades arrive live, and the
key the demo prints connects on the page. (test_page.py runs against a bare `solvent serve`
whose book it controls level by level; the demo's bots would move it.)"""
import os
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from playwright.sync_api import expect, sync_playwright

from test_page import code_errors, connect_key


class PrintedKey:
    def __init__(self, api_key, secret, login=None, password=None):
        self.api_key, self.secret = api_key, secret
        self.login, self.password = login, password


@pytest.fixture(scope="module")
def demo():
    work = tempfile.mkdtemp(prefix="solvent-browser-demo-")
    data = work + "/demo"
    process = subprocess.Popen([os.environ["SOLVENT_BIN"], "demo", "--data", data, "--port", "0", "--seed", "11"],
                               stdout=subprocess.PIPE, text=True)
    banner, deadline = {}, time.time() + 60
    while time.time() < deadline and "secret" not in banner:
        words = (process.stdout.readline() or "").split()
        if not words and process.poll() is not None:
            raise RuntimeError(f"solvent demo exited with {process.returncode}")
        if "open" in words:
            banner["url"] = words[words.index("open") + 1]
        elif words[:2] == ["API", "key"]:
            banner["key"] = words[2]
        elif words[:2] == ["API", "secret"]:
            banner["secret"] = words[2]
        elif words[:2] == ["Page", "login"]:
            banner["login"], banner["password"] = words[2], words[4]
    try:
        yield banner["url"], PrintedKey(banner["key"], banner["secret"], banner.get("login"), banner.get("password"))
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        shutil.rmtree(work, ignore_errors=True)


def test_the_demo_page_is_live_and_its_printed_key_trades(demo):
    url, key = demo
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.goto(url)
        expect(page.locator("#markets-body tr")).to_have_count(4, timeout=15000)  # BTCUSDT, ETHUSDT, ETHBTC, SOLUSDT
        expect(page.locator("#book-asks .level").first).to_be_visible(timeout=15000)
        expect(page.locator("#book-bids .level").first).to_be_visible()
        # Trades keep arriving over the stream: the newest row changes without a reload.
        newest = page.locator("#trades-body .trade-row").first
        expect(newest).to_be_visible(timeout=15000)
        expect(newest).not_to_have_text(newest.inner_text(), timeout=20000)
        connect_key(page, key)
        expect(page.locator("#o-available")).to_contain_text("USDT", timeout=5000)
        artifacts = os.environ.get("SOLVENT_BROWSER_ARTIFACTS")
        if artifacts:
            page.screenshot(path=os.path.join(artifacts, "demo-en.png"))
        browser.close()
    assert code_errors(errors) == []


def test_the_printed_login_signs_in_and_a_simulated_deposit_is_credited(demo):
    url, key = demo
    assert key.login and key.password, "the demo printed no page login"
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.goto(url)
        keys = page.evaluate("""async () => {
            const { catalogues } = await import('/web/catalogues.js');
            return Object.fromEntries(Object.entries(catalogues).map(([l, c]) => [l, Object.keys(c).sort()]));
        }""")
        assert keys["fr"] == keys["en"] and keys["zh"] == keys["en"]
        page.locator(".view-tab[data-view='account']").click()
        page.fill("#u-login", key.login)
        page.fill("#u-password", key.password)
        page.locator("#u-submit").click()
        expect(page.locator("#u-who")).to_have_text(key.login, timeout=30000)
        page.locator(".view-tab[data-view='wallet']").click()
        expect(page.locator("#d-coin option[value='BTC']")).to_have_count(1, timeout=10000)
        page.select_option("#d-coin", "BTC")
        expect(page.locator("#d-balance")).to_have_text("1.00000000 BTC", timeout=10000)
        page.locator("#d-show").click()
        expect(page.locator("#d-address")).not_to_be_empty(timeout=10000)
        expect(page.locator("#d-simulate")).to_be_visible(timeout=10000)
        expect(page.locator("#d-simulate")).to_contain_text("1 BTC")
        page.locator("#d-simulate").click()
        expect(page.locator("#d-message")).to_contain_text("1.00000000 BTC", timeout=10000)
        # Credited once the demo's chain has mined the confirmations (a block every 2 s).
        expect(page.locator("#d-balance")).to_have_text("2.00000000 BTC", timeout=30000)
        expect(page.locator("#d-body tr")).to_have_count(1)
        expect(page.locator("#d-body tr").first).to_contain_text("Credited")
        # A withdrawal from the session without a second factor: the server's refusal shows.
        page.select_option("#w-coin", "BTC")
        page.fill("#w-address", page.locator("#d-address").inner_text())
        page.fill("#w-amount", "0.1")
        page.locator("#w-submit").click()
        expect(page.locator("#w-message")).to_have_text("Turn on two-factor authentication first.", timeout=10000)
        artifacts = os.environ.get("SOLVENT_BROWSER_ARTIFACTS")
        if artifacts:
            page.screenshot(path=os.path.join(artifacts, "demo-wallet-en.png"))
        browser.close()
    assert code_errors(errors) == []
