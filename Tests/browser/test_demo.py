"""The web page against `solvent demo` itself, as a newcomer meets it: the bots' books and trades
live, sign-up and sign-in, an order resting and cancelled, a crossing order whose fills move the
balances by exactly the trade, the three languages (a screenshot of each), a simulated deposit,
"Verify my assets", and a server restart the page recovers from by itself. (test_page.py runs
against a bare `solvent serve` whose book it controls level by level; the demo's bots move it.)
Tests run in file order and share one demo and one browser page."""
import json
import os
import re
import shutil
import tempfile
import time
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import pytest
from playwright.sync_api import expect

from accounts import PASSWORD, PageSession, enter, take_refused_fetches, units
from browsing import catalogues, code_errors, connect_key, disconnect_key, watched_page
from demo_process import Demo
from exchange import Client, public

TICK = Decimal("0.01")  # BTCUSDT's tick; its step is 0.00001
UP = re.compile(r"\bup\b")


@pytest.fixture(scope="module")
def env(browser, artifacts):
    work = tempfile.mkdtemp(prefix="solvent-browser-demo-")
    demo = Demo(os.environ["SOLVENT_BIN"], work)
    demo.start()
    page, errors = watched_page(browser, demo.url + "/")
    try:
        yield dict(demo=demo, page=page, errors=errors, artifacts=artifacts)
    finally:
        page.context.close()
        demo.stop()
        shutil.rmtree(work, ignore_errors=True)


def last_price(env):
    """BTCUSDT's last trade, from the API: where the bots' walk is now."""
    price = Decimal(json.loads(public(env["demo"].url, "/api/v3/ticker/price", symbol="BTCUSDT"))["price"])
    assert price > 0, "BTCUSDT has not traded yet"
    return price


def book_prices(page, side):
    return [Decimal(p) for p in page.eval_on_selector_all(f"#book-{side} .level", "rows => rows.map(r => r.dataset.price)")]


def test_the_demo_lists_four_markets_and_its_book_fills(env):
    page = env["page"]
    rows = page.locator("#markets-body tr")
    expect(rows).to_have_count(4, timeout=15000)
    assert sorted(rows.evaluate_all("rows => rows.map(r => r.dataset.symbol)")) == ["BTCUSDT", "ETHBTC", "ETHUSDT", "SOLUSDT"]
    # Every market gets a last price as the bots' takers trade each (over the mini-ticker stream).
    page.wait_for_function("""() => [...document.querySelectorAll('#markets-body tr')]
        .every((row) => /[1-9]/.test(row.children[1].textContent))""", timeout=20000)
    # The maker quotes four levels a side (and requotes every moment): both sides fill, uncrossed.
    page.wait_for_function("""() => document.querySelectorAll('#book-asks .level').length >= 3
        && document.querySelectorAll('#book-bids .level').length >= 3""", timeout=15000)
    asks, bids = book_prices(page, "asks"), book_prices(page, "bids")
    assert min(asks) > max(bids), (asks, bids)
    assert abs(min(asks) - last_price(env)) / last_price(env) < Decimal("0.05"), "the book is around the last trade"
    # Trades keep arriving over the stream: the newest row changes without a reload.
    newest = page.locator("#trades-body .trade-row").first
    expect(newest).to_be_visible(timeout=15000)
    expect(newest).not_to_have_text(newest.inner_text(), timeout=20000)
    assert code_errors(env["errors"]) == []


def test_the_printed_api_key_connects_with_its_funding(env):
    page, demo = env["page"], env["demo"]
    connect_key(page, Client(demo.url, demo.api_key, demo.secret, 0))
    # The visitor's account was funded with 100,000 USDT and nothing else touched it.
    expect(page.locator("#o-available")).to_have_text("100,000.00000000 USDT", timeout=10000)
    disconnect_key(page)
    expect(page.locator("#o-available")).to_have_text("—")
    assert code_errors(env["errors"]) == []


def test_sign_up_sign_out_and_sign_in_with_the_printed_login(env):
    page, demo = env["page"], env["demo"]
    assert demo.login and demo.password, "the demo printed no page login"
    since = len(env["errors"])
    page.click('.view-tab[data-view="account"]')
    enter(page, "signup", "newcomer", PASSWORD)
    expect(page.locator("#signed-in")).to_be_visible(timeout=30000)
    expect(page.locator("#u-who")).to_have_text("newcomer")
    expect(page.locator("#user-open")).to_have_text("newcomer")
    cookie = next(c for c in page.context.cookies() if c["name"] == "solvent_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    newcomer = PageSession(page, demo.url)
    assert all(total == 0 for total in newcomer.totals().values()), "a new account starts empty"
    page.click("#u-logout")
    expect(page.locator("#signed-out")).to_be_visible(timeout=10000)
    expect(page.locator("#user-open")).to_have_text("Sign in")
    with pytest.raises(AssertionError, match="-9206"):
        newcomer.call("GET", "/api/v3/account")  # the session ended on the server, not just on the page
    # Signed out, "Verify my assets" has no proof to fetch and says how to get one.
    page.click('.view-tab[data-view="verify"]')
    page.click("#verify-run")
    expect(page.locator("#verify-steps li.bad")).to_have_text("✗ Sign in or connect an API key first: the proof is yours alone.")
    expect(page.locator("#verify-result")).to_have_text("Not verified: see the failed step.")
    page.click('.view-tab[data-view="account"]')
    enter(page, "login", demo.login, "not the password")
    expect(page.locator("#u-message")).to_have_text("Wrong login or password.", timeout=30000)
    enter(page, "login", demo.login, demo.password)
    expect(page.locator("#signed-in")).to_be_visible(timeout=30000)
    expect(page.locator("#u-who")).to_have_text(demo.login)
    expect(page.locator("#key-open")).to_have_text("Connect API key")  # a session is not a pasted key
    page.click('.view-tab[data-view="trade"]')
    expect(page.locator("#o-available")).to_have_text("100,000.00000000 USDT", timeout=10000)
    take_refused_fetches(env["errors"], since)
    assert code_errors(env["errors"]) == []


def submitted(page):
    """Submits the order form; the status the page says the new order has."""
    message = page.locator("#o-message")
    before = message.inner_text()
    page.click("#o-submit")
    expect(message).not_to_have_text(before, timeout=10000)  # not the last order's message
    expect(message).to_have_text(re.compile(r"^Order \d+ placed: "))
    return message.inner_text().split(": ", 1)[1]


def test_a_limit_order_from_the_form_rests_in_open_orders_and_cancels(env):
    page, session = env["page"], PageSession(env["page"], env["demo"].url)
    price = (last_price(env) * Decimal("0.9")).quantize(TICK, rounding=ROUND_FLOOR)  # far below the walk
    page.fill("#o-price", str(price))
    page.fill("#o-qty", "0.00100")
    expect(page.locator("#o-total")).to_have_text(f"{price * Decimal('0.001'):,.2f} USDT")
    assert submitted(page) == "Open"
    row = page.locator("#acct-body tr", has=page.locator("button.cancel"))
    expect(row).to_have_count(1, timeout=10000)
    expect(row).to_contain_text(f"{price:,.2f}")
    expect(row).to_contain_text("0.00100")
    order_id = row.locator("button.cancel").get_attribute("data-order-id")
    (order,) = session.call("GET", "/api/v3/openOrders", symbol="BTCUSDT")
    assert str(order["orderId"]) == order_id
    assert (order["side"], order["type"], Decimal(order["price"]), Decimal(order["origQty"])) == ("BUY", "LIMIT", price, Decimal("0.001"))
    # Its price × quantity is locked while it rests.
    locked = {b["asset"]: units(b["locked"]) for b in session.call("GET", "/api/v3/account")["balances"]}
    assert locked["USDT"] == units(str(price * Decimal("0.001")))
    row.locator("button.cancel").click()
    expect(page.locator("#acct-body button.cancel")).to_have_count(0, timeout=10000)
    assert session.call("GET", "/api/v3/order", symbol="BTCUSDT", orderId=order_id)["status"] == "CANCELED"
    assert {b["asset"]: units(b["locked"]) for b in session.call("GET", "/api/v3/account")["balances"]}["USDT"] == 0
    assert code_errors(env["errors"]) == []


def cell_texts(page, selector):
    return page.eval_on_selector_all(selector, "rows => rows.map(r => [...r.children].map(c => c.textContent))")


def test_a_crossing_order_fills_and_the_balances_move_by_exactly_the_trade(env):
    page, session = env["page"], PageSession(env["page"], env["demo"].url)
    before = session.totals()
    # 2% over the last trade crosses the maker's asks (or, while it requotes, its next asks cross it).
    price = (last_price(env) * Decimal("1.02")).quantize(TICK, rounding=ROUND_CEILING)
    page.fill("#o-price", str(price))
    page.fill("#o-qty", "0.00100")
    submitted(page)
    order_id = re.search(r"Order (\d+)", page.inner_text("#o-message")).group(1)
    deadline = time.time() + 15
    while (order := session.call("GET", "/api/v3/order", symbol="BTCUSDT", orderId=order_id))["status"] != "FILLED":
        assert time.time() < deadline, f'{order["status"]} {order["price"]} {order["executedQty"]} {public(env["demo"].url, "/api/v3/depth", symbol="BTCUSDT", limit=5)}'
        time.sleep(0.3)
    fills = session.call("GET", "/api/v3/myTrades", symbol="BTCUSDT", orderId=order_id)
    assert fills and sum(units(f["qty"]) for f in fills) == units("0.001")
    after = session.totals()
    # Each fill: qty × price in quote, the commission in the asset received (BTC for a buy).
    for fill in fills:
        assert fill["isBuyer"] and fill["commissionAsset"] == "BTC"
        assert units(fill["quoteQty"]) * 10 ** 8 == units(fill["price"]) * units(fill["qty"])
        assert Decimal(fill["price"]) <= price
    bought = sum(units(f["qty"]) - units(f["commission"]) for f in fills)
    paid = sum(units(f["quoteQty"]) for f in fills)
    assert after["BTC"] - before["BTC"] == bought
    assert before["USDT"] - after["USDT"] == paid
    assert {asset: after[asset] - before[asset] for asset in after if asset not in ("BTC", "USDT")} == {"ETH": 0, "SOL": 0}
    # The page shows the same fills (price, amount, fee) and the new balances, to the unit.
    page.click('.acct-tab[data-tab="fills"]')
    rows = "#acct-body tr:has(td.num)"  # not the "Nothing here yet" row shown until the fills load
    expect(page.locator(rows)).to_have_count(len(fills), timeout=10000)
    shown = sorted((units(r[3]), units(r[4]), units(r[6].split()[0]), r[6].split()[1]) for r in cell_texts(page, rows))
    assert shown == sorted((units(f["price"]), units(f["qty"]), units(f["commission"]), f["commissionAsset"]) for f in fills)
    page.click('.acct-tab[data-tab="balances"]')
    for asset in ("BTC", "USDT"):
        total = page.locator(f'#acct-body tr[data-asset="{asset}"] td').nth(3)
        expect(total).to_have_text(f"{Decimal(after[asset]) / 10 ** 8:,.8f}", timeout=10000)
    page.click('.acct-tab[data-tab="orders"]')
    expect(page.locator("#acct-body tr").first).to_contain_text("Filled", timeout=10000)
    page.click('.acct-tab[data-tab="open"]')
    assert code_errors(env["errors"]) == []


def untranslated(page, language_texts, english_texts):
    """The elements of the shown view whose own text is English that the language spells otherwise."""
    return page.evaluate("""([own, english]) => {
        const mine = new Set(Object.values(own));
        const foreign = new Set(Object.values(english).filter((text) => !mine.has(text) && /[a-z]{3}/i.test(text)));
        const visible = (node) => node.offsetParent !== null || node.tagName === 'OPTION';
        return [...document.querySelectorAll('body *')].filter((node) => visible(node)
            && [...node.childNodes].some((child) => child.nodeType === 3 && foreign.has(child.textContent.trim())))
            .map((node) => node.textContent.trim());
    }""", [language_texts, english_texts])


def test_the_language_switch_translates_the_page_and_each_is_screenshot(env):
    page, artifacts = env["page"], env["artifacts"]
    texts = catalogues(page)
    headings = {}
    for language in ["en", "fr", "zh"]:
        page.select_option("#lang", language)
        catalogue = texts[language]
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN" if language == "zh" else language)
        expect(page.locator(".book h2")).to_have_text(catalogue["book.title"])
        # Every keyed element carries its language's text, and the page's own drawn text too.
        # (The window's title shows the last price once it is known, and the name after it.)
        assert page.title().endswith(catalogue["app.name"])
        wrong = page.evaluate("""(catalogue) => [
            ...[...document.querySelectorAll('body [data-i18n]')].filter((n) => n.textContent !== catalogue[n.dataset.i18n]),
            ...[...document.querySelectorAll('[data-i18n-aria]')].filter((n) => n.getAttribute('aria-label') !== catalogue[n.dataset.i18nAria]),
            ...[...document.querySelectorAll('[data-i18n-placeholder]')].filter((n) => n.placeholder !== catalogue[n.dataset.i18nPlaceholder]),
        ].map((n) => n.outerHTML.slice(0, 80))""", catalogue)
        assert wrong == [], (language, wrong)
        expect(page.locator("#o-submit")).to_have_text(catalogue["order.submitBuy"].replace("{base}", "BTC"))
        expect(page.locator("#conn-text")).to_have_text(catalogue["conn.live"])
        expect(page.locator("#acct-head th").first).to_have_text(catalogue["col.time"])
        if language != "en":
            for view in ["wallet", "account", "trade"]:  # the trade view last, for its screenshot
                page.click(f'.view-tab[data-view="{view}"]')
                page.wait_for_timeout(200)  # the view's own requests drawn
                assert untranslated(page, catalogue, texts["en"]) == [], (language, view)
        headings[language] = page.inner_text(".book h2")
        page.wait_for_timeout(300)  # a frame for the canvas and the book after the switch
        page.screenshot(path=str(artifacts / f"demo-trade-{language}.png"), full_page=True)
    assert len(set(headings.values())) == 3, headings
    # Numbers follow the locale: French groups thousands with a narrow no-break space and a comma.
    page.select_option("#lang", "fr")
    expect(page.locator("#o-available")).to_have_text(re.compile(r"^\d{1,3}(\u202f\d{3})*,\d{8} USDT$"))
    page.select_option("#lang", "en")
    expect(page.locator(".book h2")).to_have_text("Order book")
    assert code_errors(env["errors"]) == []


def test_a_simulated_deposit_is_credited_and_an_unguarded_withdrawal_refused(env):
    page = env["page"]
    since = len(env["errors"])
    page.click(".view-tab[data-view='wallet']")
    expect(page.locator("#d-coin option[value='BTC']")).to_have_count(1, timeout=10000)
    page.select_option("#d-coin", "BTC")
    balance = page.locator("#d-balance")
    expect(balance).to_have_text(re.compile(r"^1\.0\d{7} BTC$"), timeout=10000)  # 1 BTC and the crossing order's
    held = units(balance.inner_text().split()[0])
    page.locator("#d-show").click()
    expect(page.locator("#d-address")).not_to_be_empty(timeout=10000)
    expect(page.locator("#d-simulate")).to_contain_text("1 BTC", timeout=10000)
    page.locator("#d-simulate").click()
    expect(page.locator("#d-message")).to_contain_text("1.00000000 BTC", timeout=10000)
    # Credited once the demo's chain has mined the confirmations (a block every 2 s).
    expect(balance).to_have_text(f"{Decimal(held + units('1')) / 10 ** 8:.8f} BTC", timeout=30000)
    expect(page.locator("#d-body tr")).to_have_count(1)
    expect(page.locator("#d-body tr").first).to_contain_text("Credited")
    # A withdrawal from the session without a second factor: the server's refusal shows.
    page.select_option("#w-coin", "BTC")
    page.fill("#w-address", page.locator("#d-address").inner_text())
    page.fill("#w-amount", "0.1")
    page.locator("#w-submit").click()
    expect(page.locator("#w-message")).to_have_text("Turn on two-factor authentication first.", timeout=10000)
    page.screenshot(path=str(env["artifacts"] / "demo-wallet-en.png"), full_page=True)
    # Amounts and dates in the locale's spelling, as everywhere else on the page.
    page.select_option("#lang", "fr")
    expect(balance).to_have_text(f"{Decimal(held + units('1')) / 10 ** 8:.8f} BTC".replace(".", ","), timeout=10000)
    expect(page.locator("#d-body tr").first).to_contain_text("1,00000000")
    expect(page.locator("#d-body tr").first).to_contain_text("Crédité")
    expect(page.locator("#d-simulate")).to_have_text("Envoyer un dépôt simulé de 1 BTC")
    page.select_option("#lang", "en")
    page.click('.view-tab[data-view="trade"]')
    take_refused_fetches(env["errors"], since)
    assert code_errors(env["errors"]) == []


def test_verify_my_assets_reports_valid_with_the_balances_held(env):
    page, demo = env["page"], env["demo"]
    demo.epoch()
    held = PageSession(page, demo.url).totals()
    page.click('.view-tab[data-view="verify"]')
    page.click("#verify-run")
    result = page.locator("#verify-result")
    expect(result).to_have_class(re.compile(r"\bok\b"), timeout=30000)
    expect(result).to_have_text("Valid: your balances are in the signed liabilities.")
    expect(page.locator("#verify-steps li.bad")).to_have_count(0)
    expect(page.locator("#verify-steps li.ok", has_text="Ed25519 signature on the header is valid.")).to_have_count(1)
    # The proof counts what the account holds (nothing of it moved since the epoch), per asset.
    rows = {r[0]: units(r[1]) for r in cell_texts(page, "#verify-assets-body tr")}
    assert rows == {asset: held[asset] for asset in ("BTC", "ETH", "SOL", "USDT")}
    page.screenshot(path=str(env["artifacts"] / "demo-verify-en.png"), full_page=True)
    page.click('.view-tab[data-view="trade"]')
    assert code_errors(env["errors"]) == []


def test_no_console_errors_before_the_restart(env):
    assert env["errors"] == [], "\n".join(env["errors"])


def test_the_page_recovers_from_a_server_restart_by_itself(env):
    page, demo = env["page"], env["demo"]
    conn = page.locator("#conn")
    expect(conn).to_have_class(UP)
    page.evaluate("window.solventNotReloaded = true")
    demo.stop()
    expect(conn).not_to_have_class(UP, timeout=10000)
    expect(page.locator("#conn-text")).to_have_text("Reconnecting…")
    demo.start()  # the same data directory and port
    expect(conn).to_have_class(UP, timeout=30000)
    assert page.evaluate("window.solventNotReloaded === true"), "the page was reloaded"
    # The market streams are live again: the book moves and new trades arrive.
    page.wait_for_function("document.querySelectorAll('#book-asks .level').length >= 3", timeout=15000)
    book = page.locator("#book-asks")
    expect(book).not_to_have_text(book.inner_text(), timeout=15000)
    page.wait_for_timeout(1000)  # the trades reloaded on reconnect have been drawn
    newest = page.locator("#trades-body .trade-row").first
    expect(newest).not_to_have_text(newest.inner_text(), timeout=20000)
    # The user stream is back too (the session outlived the restart): an order placed elsewhere shows.
    session = PageSession(page, demo.url)
    price = (last_price(env) * Decimal("0.9")).quantize(TICK, rounding=ROUND_FLOOR)
    session.call("POST", "/api/v3/order", symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC",
                 price=str(price), quantity="0.00100")
    row = page.locator("#acct-body tr", has=page.locator("button.cancel"))
    expect(row).to_have_count(1, timeout=15000)
    expect(row).to_contain_text(f"{price:,.2f}")
    row.locator("button.cancel").click()
    expect(page.locator("#acct-body button.cancel")).to_have_count(0, timeout=10000)
    assert session.call("GET", "/api/v3/openOrders", symbol="BTCUSDT") == []
    page.screenshot(path=str(env["artifacts"] / "demo-after-restart-en.png"), full_page=True)
    assert code_errors(env["errors"]) == [], "\n".join(env["errors"])
