"""What the user-data and WebSocket API tests share: a trader and a counterparty on a fresh market,
a neutral REST trader (streams_support.RestTrader) to make things happen, and a thread-safe event
collector with waits. The clients under test only read their own user data (or, for the WebSocket
API order methods, trade through it).
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional

from conftest import Market, Trader
from streams_support import RestTrader, ws_url

D = Decimal

__all__ = ["D", "Events", "RestTrader", "Pair", "pair", "ws_url"]


class Events:
    """User-data events as a client delivered them, unwrapped to the bare event."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: List[Dict[str, Any]] = []

    def add(self, event: Any) -> None:
        if isinstance(event, dict) and "data" in event and "stream" in event:
            event = event["data"]  # combined stream wrapper
        if isinstance(event, dict) and "event" in event and "subscriptionId" in event:
            event = event["event"]  # WebSocket API wrapper
        if isinstance(event, dict) and "e" in event:
            with self._lock:
                self._events.append(event)

    def all(self, kind: Optional[str] = None) -> List[Dict[str, Any]]:
        with self._lock:
            return [e for e in self._events if kind is None or e.get("e") == kind]

    def wait(self, predicate: Callable[[Dict[str, Any]], bool], timeout: float = 20, what: str = "event") -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.all():
                if predicate(event):
                    return event
            time.sleep(0.02)
        raise AssertionError(f"no {what} within {timeout}s; got {[e.get('e') + ':' + str(e.get('x', '')) for e in self.all()]}")


def is_report(order_id: int, execution: str, status: str) -> Callable[[Dict[str, Any]], bool]:
    return lambda e: e.get("e") == "executionReport" and e.get("i") == order_id and e.get("x") == execution \
        and e.get("X") == status


class Pair:
    """The trader whose user data is watched, and a counterparty, both funded on `market`."""

    def __init__(self, server, market: Market, trader: Trader, other: Trader):
        self.server, self.market, self.trader, self.other = server, market, trader, other
        self.rest = RestTrader(server.url, trader.key("hmac"))
        self.counterparty = RestTrader(server.url, other.key("hmac"))

    @property
    def ws_api(self) -> str:
        return ws_url(self.server.url) + "/ws-api/v3"

    def rest_sell_then_partial_fill(self, qty: str = "0.3", price: str = "100", taken: str = "0.1") -> Dict[str, Any]:
        """The trader rests a SELL; the counterparty takes `taken` of it. Returns the SELL's REST answer."""
        placed = self.rest.limit(self.market.symbol, "SELL", D(qty), D(price))
        status, body = self.counterparty.market(self.market.symbol, "BUY", D(taken))
        assert status == 200 and body["status"] == "FILLED", body
        return placed


def pair(server, make_trader, market: Market) -> Pair:
    funds = {market.base: "10", market.quote: "100000"}
    return Pair(server, market, make_trader(**funds), make_trader(**funds))
