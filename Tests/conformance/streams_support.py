"""What the stream tests share: signed REST orders with plain `requests`, a background trader that
keeps a market busy with random orders, and small waiting helpers. Clients under test only ever
read streams and REST depth here; the orders come from this neutral trader so a client's own REST
code is not what is being tested.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import threading
import time
import urllib.parse
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional, Tuple

import requests

from conftest import Key, Market

D = Decimal


def ws_url(http_url: str) -> str:
    return "ws" + http_url[len("http"):]


def pro_connect(url: str, key: Optional[Key] = None):
    """A ccxt.pro binance client aimed at Solvent: every REST URL rewritten to `url`, streams on
    `/ws`, the WebSocket API on `/ws-api/v3`; signed with `key` (HMAC secret or Ed25519 PEM) if given."""
    import re

    import ccxt.pro as ccxtpro  # venv A only: binance-connector's venv imports this module too

    credentials = {}
    if key is not None:
        credentials = {"apiKey": key.api_key, "secret": key.secret if key.kind == "hmac" else key.private_key_pem}
    exchange = ccxtpro.binance({**credentials, "options": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False,
                                                           "fetchMargins": False}})
    for name, api_url in list(exchange.urls["api"].items()):
        if isinstance(api_url, str):
            exchange.urls["api"][name] = re.sub(r"^https://[^/]+", url, api_url)
    stream = ws_url(url) + "/ws"
    exchange.urls["api"]["ws"] = {"spot": stream, "margin": stream, "ws-api": {"spot": ws_url(url) + "/ws-api/v3"}}
    return exchange


class RestTrader:
    """Signed orders for one HMAC key (recvWindow 60 s: a loaded CI machine is slow)."""

    def __init__(self, url: str, key: Key):
        assert key.kind == "hmac"
        self.url = url
        self.key = key
        self.session = requests.Session()

    def _signed(self, method: str, path: str, params: Dict[str, str]) -> Any:
        params = dict(params, timestamp=str(int(time.time() * 1000)), recvWindow="60000")
        query = urllib.parse.urlencode(params)
        signature = hmac.new(self.key.secret.encode(), query.encode(), hashlib.sha256).hexdigest()
        response = self.session.request(method, f"{self.url}{path}?{query}&signature={signature}",
                                        headers={"X-MBX-APIKEY": self.key.api_key}, timeout=30)
        return response.status_code, response.json()

    def place_limit(self, symbol: str, side: str, qty: Decimal, price: Decimal) -> Tuple[int, Dict[str, Any]]:
        return self._signed("POST", "/api/v3/order", {"symbol": symbol, "side": side, "type": "LIMIT",
                                                      "timeInForce": "GTC", "quantity": str(qty), "price": str(price)})

    def limit(self, symbol: str, side: str, qty: Decimal, price: Decimal) -> Dict[str, Any]:
        status, body = self.place_limit(symbol, side, qty, price)
        assert status == 200, body
        return body

    def market(self, symbol: str, side: str, qty: Decimal) -> Tuple[int, Dict[str, Any]]:
        return self._signed("POST", "/api/v3/order", {"symbol": symbol, "side": side, "type": "MARKET",
                                                      "quantity": str(qty)})

    def cancel(self, symbol: str, order_id: int) -> None:
        self._signed("DELETE", "/api/v3/order", {"symbol": symbol, "orderId": str(order_id)})


def depth(url: str, symbol: str, limit: int = 1000) -> Dict[str, Any]:
    response = requests.get(f"{url}/api/v3/depth", params={"symbol": symbol, "limit": limit}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def book_levels(rows) -> List[Tuple[Decimal, Decimal]]:
    return [(D(str(price)), D(str(qty))) for price, qty, *_ in rows]


class RandomTrading:
    """A thread placing random limit orders around 100.00 (both sides, crossing now and then),
    market orders and cancels on `market`, from two accounts, until stopped."""

    def __init__(self, url: str, market: Market, keys: List[Key], seed: int = 7):
        self.url = url
        self.market = market
        self.traders = [RestTrader(url, key) for key in keys]
        self.random = random.Random(seed)
        self.stop_flag = threading.Event()
        self.orders = 0
        self.errors: List[str] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "RandomTrading":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.stop_flag.set()
        self.thread.join(timeout=60)

    def _run(self) -> None:
        open_orders: List[Tuple[RestTrader, int]] = []
        symbol = self.market.symbol
        while not self.stop_flag.is_set():
            trader = self.random.choice(self.traders)
            roll = self.random.random()
            try:
                if len(open_orders) > 60:  # stay far below MAX_NUM_ORDERS
                    roll = 1.0
                if roll < 0.65:
                    side = self.random.choice(["BUY", "SELL"])
                    offset = self.random.randint(-5, 25)  # mostly resting, sometimes crossing
                    price = D("100.00") + (D(-offset) if side == "BUY" else D(offset)) * D("0.01") * 10
                    qty = D(self.random.randint(6, 60)) * D("0.01")
                    status, order = trader.place_limit(symbol, side, qty, price)
                    if status == 200 and order["status"] in ("NEW", "PARTIALLY_FILLED"):
                        open_orders.append((trader, order["orderId"]))
                elif roll < 0.8:
                    trader.market(symbol, self.random.choice(["BUY", "SELL"]), D(self.random.randint(6, 30)) * D("0.01"))
                elif open_orders:
                    owner, order_id = open_orders.pop(self.random.randrange(len(open_orders)))
                    owner.cancel(symbol, order_id)
                self.orders += 1
            except Exception as error:  # noqa: BLE001 - reported by the test
                self.errors.append(repr(error))
                if len(self.errors) > 20:
                    return


def wait_for(condition: Callable[[], Any], timeout: float = 20, interval: float = 0.05, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def funded_keys(server, make_trader, market: Market, count: int = 2) -> List[Key]:
    """HMAC keys of `count` new accounts holding plenty of both assets of `market`."""
    return [make_trader(**{market.base: "100000", market.quote: "100000000"}).key("hmac") for _ in range(count)]
