"""The wallet flow with real clients: deposit from the chain, trade, withdraw to the chain.

One `solvent chain` (simulated BTC, ETH, USDT behind Bitcoin Core's JSON-RPC) and one
`solvent serve` share a data directory, so the server finds the chain through chain.url and
chain.cookie. ccxt (`fetch_currencies`, `fetch_deposit_address`, `fetch_deposits`, `withdraw`,
`fetch_withdrawals`) and python-binance (`get_all_coins_info`, `get_deposit_address`,
`get_deposit_history`, `withdraw`, `get_withdraw_history`) run unmodified but for their URLs;
every balance is checked to the unit against the admin CLI and the chain's own RPC.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Dict

import ccxt
import pytest
from binance.base_client import BaseClient
from binance.client import Client

from chain_support import CONFIRMATIONS, Chain, wait_until
from conftest import Market, SolventServer, solvent_binary

D = Decimal


@pytest.fixture(scope="module")
def custody(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("wallet")
    chain = Chain(solvent_binary(), workdir / "data")
    # No lock after a new key: each flow makes its withdraw key and withdraws soon after.
    server = SolventServer(solvent_binary(), workdir, settings={"custody": {"withdrawalLockSeconds": 0}})
    server.start()
    try:
        for asset in ("BTC", "USDT"):
            server.add_asset(asset)
        server.add_market(Market("BTCUSDT", "BTC", "USDT"))
        yield server, chain
    finally:
        server.stop()
        chain.stop()


def withdrawer_key(server: SolventServer, account: int) -> Dict[str, str]:
    answer = server.admin("create-key", "--account", str(account), "--permissions", "read,trade,withdraw",
                          "--ip-allow-list", "127.0.0.1,::1")
    return {"apiKey": answer["apiKey"], "secret": answer["secret"]}


def trade_away(server: SolventServer, seller: Dict[str, str], url: str, quantity: str) -> None:
    """The seller sells `quantity` BTC at 20000 to a buyer funded by the operator (python-binance)."""
    buyer = server.create_account()
    server.deposit(buyer, "USDT", "100000")
    buyer_key = server.create_hmac_key(buyer)
    BaseClient.API_URL = url + "/api"
    Client(buyer_key.api_key, buyer_key.secret).create_order(
        symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC", quantity="0.1", price="20000")
    Client(seller["apiKey"], seller["secret"]).create_order(
        symbol="BTCUSDT", side="SELL", type="LIMIT", timeInForce="GTC", quantity=quantity, price="20000")


def ccxt_exchange(server: SolventServer, key: Dict[str, str]) -> ccxt.binance:
    exchange = ccxt.binance({**key, "options": {"fetchMarkets": {"types": ["spot"]}, "fetchMargins": False}})
    for name, api_url in list(exchange.urls["api"].items()):
        if isinstance(api_url, str):
            exchange.urls["api"][name] = re.sub(r"^https://[^/]+", server.url, api_url)
    return exchange


def test_ccxt_deposit_trade_withdraw(custody):
    server, chain = custody
    account = server.create_account()
    key = withdrawer_key(server, account)
    exchange = ccxt_exchange(server, key)

    currencies = exchange.fetch_currencies()
    assert currencies["BTC"]["networks"]["BTC"]["withdraw"] is True

    address = exchange.fetch_deposit_address("BTC")["address"]
    txid = chain.call("BTC", "sendtoaddress", address, 1.25, "", wallet="outside")
    pending = wait_until("the deposit to be seen", lambda: exchange.fetch_deposits("BTC"))
    assert pending[0]["txid"] == txid and pending[0]["status"] == "pending"
    chain.mine("BTC", CONFIRMATIONS)
    credited = wait_until("the deposit to be credited",
                          lambda: [d for d in exchange.fetch_deposits("BTC") if d["status"] == "ok"])
    assert D(str(credited[0]["amount"])) == D("1.25")
    assert server.balances(account)["BTC"]["free"] == D("1.25")

    trade_away(server, key, server.url, "0.1")
    balances = server.balances(account)
    assert balances["BTC"]["free"] == D("1.15")
    assert balances["USDT"]["free"] == D("2000") - D("2000") * D("0.001")

    outside = chain.call("BTC", "getnewaddress", "payee", wallet="outside")
    withdrawal = exchange.withdraw("BTC", 0.5, outside)
    assert withdrawal["id"]
    wait_until("the withdrawal to be broadcast",
               lambda: [w for w in exchange.fetch_withdrawals("BTC") if w["txid"]])
    chain.mine("BTC", CONFIRMATIONS)
    done = wait_until("the withdrawal to complete",
                      lambda: [w for w in exchange.fetch_withdrawals("BTC") if w["status"] == "ok"])
    assert done[0]["id"] == withdrawal["id"]
    assert server.balances(account)["BTC"] == {"free": D("0.65"), "locked": D("0")}
    assert chain.call("BTC", "getreceivedbyaddress", outside, 1, wallet="outside") == D("0.5")


def test_python_binance_deposit_and_withdraw(custody):
    server, chain = custody
    account = server.create_account()
    key = withdrawer_key(server, account)
    BaseClient.API_URL = server.url + "/api"
    BaseClient.MARGIN_API_URL = server.url + "/sapi"
    client = Client(key["apiKey"], key["secret"])

    coins = {coin["coin"]: coin for coin in client.get_all_coins_info()}
    assert coins["BTC"]["networkList"][0]["isDefault"] is True
    address = client.get_deposit_address(coin="BTC")["address"]
    chain.call("BTC", "sendtoaddress", address, 0.75, "", wallet="outside")
    chain.mine("BTC", CONFIRMATIONS)
    wait_until("the deposit to be credited",
               lambda: [d for d in client.get_deposit_history(coin="BTC") if d["status"] == 1])
    assert server.balances(account)["BTC"]["free"] == D("0.75")

    outside = chain.call("BTC", "getnewaddress", "payee", wallet="outside")
    applied = client.withdraw(coin="BTC", address=outside, amount="0.25")
    wait_until("the withdrawal to be broadcast",
               lambda: [w for w in client.get_withdraw_history(coin="BTC") if w["id"] == applied["id"] and w["txId"]])
    chain.mine("BTC", CONFIRMATIONS)
    wait_until("the withdrawal to complete",
               lambda: [w for w in client.get_withdraw_history(coin="BTC") if w["id"] == applied["id"] and w["status"] == 6])
    assert server.balances(account)["BTC"] == {"free": D("0.5"), "locked": D("0")}
    assert chain.call("BTC", "getreceivedbyaddress", outside, 1, wallet="outside") == D("0.25")


def test_name_files_the_address_book(custody):
    """`name` on a withdrawal, as both clients send it, files the address; the list shows it."""
    server, chain = custody
    account = server.create_account()
    server.deposit(account, "BTC", "1")
    key = withdrawer_key(server, account)
    exchange = ccxt_exchange(server, key)
    BaseClient.MARGIN_API_URL = server.url + "/sapi"
    client = Client(key["apiKey"], key["secret"])

    first = chain.call("BTC", "getnewaddress", "payee", wallet="outside")
    second = chain.call("BTC", "getnewaddress", "payee", wallet="outside")
    # python-binance signs the unencoded form: a name it would percent-encode fails -1022.
    assert client.withdraw(coin="BTC", address=first, amount="0.1", name="payee")["id"]
    assert exchange.withdraw("BTC", 0.1, second, params={"name": "cold_wallet"})["id"]
    assert exchange.withdraw("BTC", 0.1, second, params={"name": "again"})["id"], "already booked: not filed twice"

    book = exchange.sapiGetCapitalWithdrawAddressList()
    assert [(entry["address"], entry["name"], entry["coin"], entry["network"]) for entry in book] == [
        (first, "payee", "BTC", "BTC"), (second, "cold_wallet", "BTC", "BTC")]
    # Under allow-list-only neither is usable yet: the default delay is 24 hours.
    assert all(entry["whiteStatus"] is False and entry["addressTag"] == "" for entry in book)
