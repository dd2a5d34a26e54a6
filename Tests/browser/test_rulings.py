"""What a jurisdiction's ruling shows on the page: the account's per-market rights come from
exchangeInfo asked with the page's session or its API key; a restricted market carries a badge
naming the ruling, and the order form disables the side the account may not send, saying why.
A ruling the page has not heard of yet still shows the server's -4401 refusal."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts import PASSWORD, enter, take_refused_fetches
from browsing import code_errors, connect_key, watched_page
from exchange import Exchange

DECISION = ["--operator", "carol", "--reason", "regulator's order"]


@pytest.fixture(scope="module")
def exchange():
    work = Path(tempfile.mkdtemp(prefix="solvent-rulings-"))
    exchange = Exchange(os.environ["SOLVENT_BIN"], str(work / "data"))
    exchange.start()
    for asset in ["BTC", "USDT", "ETH"]:
        exchange.admin("add-asset", "--name", asset)
    for symbol, base in [("BTCUSDT", "BTC"), ("ETHUSDT", "ETH")]:
        exchange.admin("add-market", "--symbol", symbol, "--base", base, "--quote", "USDT",
                       "--tick-size", "0.01", "--step-size", "0.00001", "--min-notional", "1")
    yield exchange
    exchange.stop()
    shutil.rmtree(work, ignore_errors=True)


def ruling(exchange, jurisdiction, status):
    exchange.admin("ruling", "--asset", "BTC", "--jurisdiction", jurisdiction, "--status", status,
                   "--reference", f"case {jurisdiction}-1", *DECISION)


def badge(page, symbol):
    return page.locator(f'#markets-body tr[data-symbol="{symbol}"] .badge.restricted')


def test_signed_in_session_sees_sell_only_and_may_sell_but_not_buy(browser, exchange):
    page, errors = watched_page(browser, exchange.url + "/")
    page.click('.view-tab[data-view="account"]')
    enter(page, "signup", "dora", PASSWORD)
    expect(page.locator("#signed-in")).to_be_visible(timeout=10000)
    account = page.inner_text("#u-account")
    exchange.admin("deposit", "--account", account, "--asset", "BTC", "--amount", "1")
    exchange.admin("jurisdiction", "--account", account, "--jurisdiction", "US-NY", *DECISION)
    ruling(exchange, "US", "SELL_AND_WITHDRAW_ONLY")
    page.reload()  # the session comes back from its cookie, and with it the account's rights
    page.click('.view-tab[data-view="trade"]')
    expect(badge(page, "BTCUSDT")).to_have_text("Sell only", timeout=10000)
    expect(badge(page, "BTCUSDT")).to_have_attribute("title", "Your jurisdiction's ruling: sell and withdraw only")
    expect(badge(page, "ETHUSDT")).to_have_count(0)
    expect(page.locator('.side-btn[data-side="BUY"]')).to_be_disabled()
    expect(page.locator('.side-btn[data-side="SELL"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#o-rights")).to_have_text(
        "Your jurisdiction's ruling (sell and withdraw only) does not let this account buy here; it may still sell.")
    expect(page.locator("#o-available")).to_contain_text("1.00000000 BTC", timeout=10000)
    page.fill("#o-price", "150.00")
    page.fill("#o-qty", "0.01000")
    page.click("#o-submit")
    expect(page.locator("#o-message")).to_contain_text("placed", timeout=5000)

    page.select_option("#lang", "fr")
    expect(badge(page, "BTCUSDT")).to_have_text("Vente seule")
    expect(badge(page, "BTCUSDT")).to_have_attribute("title", "Décision de votre juridiction : vente et retrait seulement")
    expect(page.locator("#o-rights")).to_have_text("La décision de votre juridiction (vente et retrait seulement) "
                                                   "ne permet pas à ce compte d'acheter ici ; il peut encore vendre.")
    expect(page.locator('.side-btn[data-side="BUY"]')).to_be_disabled()

    page.click('.view-tab[data-view="account"]')
    page.click("#u-logout")
    expect(page.locator("#signed-out")).to_be_visible(timeout=5000)
    expect(badge(page, "BTCUSDT")).to_have_count(0, timeout=5000)  # signed out: the public view
    expect(page.locator('.side-btn[data-side="BUY"]')).to_be_enabled()
    assert code_errors(errors) == [], "\n".join(errors)
    page.context.close()


def test_api_key_sees_a_ruling_made_after_it_connected_through_the_refusal(browser, exchange):
    trader = exchange.account_with_key({"BTC": "1", "USDT": "1000"})
    exchange.admin("jurisdiction", "--account", str(trader.account), "--jurisdiction", "FR", *DECISION)
    page, errors = watched_page(browser, exchange.url + "/")
    connect_key(page, trader)
    page.select_option("#lang", "zh")
    expect(page.locator("#o-available")).to_contain_text("USDT", timeout=10000)
    expect(badge(page, "BTCUSDT")).to_have_count(0)
    ruling(exchange, "FR", "SELL_AND_WITHDRAW_ONLY")  # the page has not heard of it
    page.fill("#o-price", "90.00")
    page.fill("#o-qty", "0.02000")
    since = len(errors)
    page.click("#o-submit")
    expect(page.locator("#o-message")).to_contain_text("-4401", timeout=5000)
    take_refused_fetches(errors, since)
    expect(badge(page, "BTCUSDT")).to_have_text("仅可卖出", timeout=5000)
    expect(page.locator('.side-btn[data-side="BUY"]')).to_be_disabled()
    expect(page.locator("#o-rights")).to_have_text("根据您所在司法辖区的裁定（仅可卖出和提现），此账户不能在此买入，但仍可卖出。")
    expect(page.locator("#o-message")).to_contain_text("-4401")  # the refusal stays shown
    assert code_errors(errors) == [], "\n".join(errors)
    page.context.close()
