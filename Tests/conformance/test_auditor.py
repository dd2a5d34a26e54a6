"""An auditor's key through the real server: it reads every account (the accounts list, a
trader's orders and fills streamed as CSV and JSON lines, the journal's records, its own access
log) and is refused by what trades, withdraws or reads as an account's own key. A trader's key is
no auditor's.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import ccxt

from signed_support import Signed
from test_ccxt import connect

D = Decimal
AUDIT = "/sapi/v1/solvent/audit"


def auditor_key(server):
    account = server.create_account()
    return server.create_hmac_key(account, permissions="audit")


def test_the_auditor_reads_a_traders_orders_and_fills_and_changes_nothing(server, make_trader, market):
    seller = make_trader(**{market.base: "1"})
    buyer = make_trader(**{market.quote: "1000"})
    for trader, side in ((seller, "SELL"), (buyer, "BUY")):
        placed = Signed(server.url, trader.key("hmac")).send(
            "POST", "/api/v3/order", f"symbol={market.symbol}&side={side}&type=LIMIT&timeInForce=GTC&quantity=0.5&price=100")
        assert placed.status_code == 200, placed.text
    auditor = Signed(server.url, auditor_key(server))

    orders = auditor.send("GET", f"{AUDIT}/export", f"account={buyer.account}&kind=orders")
    assert orders.status_code == 200 and orders.headers["Content-Type"].startswith("text/csv"), orders.text
    rows = list(csv.DictReader(io.StringIO(orders.text)))
    assert [(row["symbol"], row["side"], row["status"], D(row["executedQty"])) for row in rows] == [
        (market.symbol, "BUY", "FILLED", D("0.5"))]

    fills = auditor.send("GET", f"{AUDIT}/export", f"account={seller.account}&kind=trades&format=jsonl")
    lines = [json.loads(line) for line in fills.text.splitlines()]
    assert [(fill["symbol"], fill["isBuyer"], D(fill["qty"]), D(fill["quoteQty"])) for fill in lines] == [
        (market.symbol, False, D("0.5"), D("50"))]

    accounts = auditor.send("GET", f"{AUDIT}/accounts", f"fromAccount={seller.account}&limit=2").json()["accounts"]
    held = {balance["asset"]: D(balance["free"]) for balance in accounts[0]["balances"]}
    assert accounts[0]["account"] == seller.account and held[market.base] == D("0.5")

    refused = auditor.send("POST", "/api/v3/order",
                           f"symbol={market.symbol}&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5&price=100")
    assert refused.status_code in (400, 401) and refused.json()["code"] == -2015, refused.text
    own = auditor.send("GET", "/api/v3/account")
    assert own.json()["code"] == -2015, own.text
    trader_as_auditor = Signed(server.url, buyer.key("hmac")).send("GET", f"{AUDIT}/accounts")
    assert trader_as_auditor.json()["code"] == -2015, trader_as_auditor.text

    log = auditor.send("GET", f"{AUDIT}/accessLog").json()
    assert log["intact"] is True and log["head"]["index"] >= 4
    assert [entry["path"] for entry in log["entries"]][-4:] == [
        f"{AUDIT}/export", f"{AUDIT}/export", f"{AUDIT}/accounts", f"{AUDIT}/accessLog"]


def test_ccxt_with_an_auditors_key_cannot_trade(server, market):
    exchange = connect(server.url, auditor_key(server))
    try:
        exchange.create_order(market.unified, "limit", "buy", 0.5, 100)
    except ccxt.BaseError as refused:
        assert "-2015" in str(refused), refused
    else:
        raise AssertionError("an auditor's key placed an order")
