"""binance-connector 3.13.0 (`binance.spot.Spot`) against Solvent: only base_url is changed.

Runs alone in .venv-conformance-b: its top-level `binance` package would overwrite python-binance's.
It sends every parameter in the query string, POST and DELETE included, with an empty body and
`Content-Type: application/json;charset=utf-8`, and sends no recvWindow (the 5000 ms default applies).
"""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import Optional, Tuple
from unittest import mock

import pytest

import binance.api
from binance.error import ClientError
from binance.spot import Spot
from flows import RawAPI, RawSuite, fmt


class ConnectorAPI(RawAPI):
    def __init__(self, url: str, key, clock_offset_ms: int = 0):
        # timeout: the connector's default is none at all; a hung server must not hang the suite.
        if key.kind == "hmac":
            self.client = Spot(api_key=key.api_key, api_secret=key.secret, base_url=url, timeout=10)
        else:
            self.client = Spot(api_key=key.api_key, private_key=key.private_key_pem, base_url=url, timeout=10)
        self.clock_offset_ms = clock_offset_ms

    def _clock(self):
        if not self.clock_offset_ms:
            return contextlib.nullcontext()
        real = binance.api.get_timestamp
        return mock.patch.object(binance.api, "get_timestamp", lambda: real() + self.clock_offset_ms)

    def exchange_info(self, symbol):
        return self.client.exchange_info(symbol=symbol) if symbol else self.client.exchange_info()

    def depth(self, symbol, limit):
        return self.client.depth(symbol, limit=limit)

    def ticker_24hr(self, symbol):
        return self.client.ticker_24hr(symbol=symbol)

    def ticker_price(self, symbol):
        return self.client.ticker_price(symbol=symbol)

    def book_ticker(self, symbol):
        return self.client.book_ticker(symbol=symbol)

    def klines(self, symbol, interval, limit):
        return self.client.klines(symbol, interval, limit=limit)

    def limit_order(self, symbol, side, qty: Decimal, price: Decimal):
        with self._clock():
            return self.client.new_order(symbol, side, "LIMIT", timeInForce="GTC", quantity=fmt(qty), price=fmt(price))

    def market_order(self, symbol, side, qty: Decimal):
        with self._clock():
            return self.client.new_order(symbol, side, "MARKET", quantity=fmt(qty))

    def market_order_quote(self, symbol, side, quote: Decimal):
        with self._clock():
            return self.client.new_order(symbol, side, "MARKET", quoteOrderQty=fmt(quote))

    def cancel(self, symbol, order_id):
        with self._clock():
            return self.client.cancel_order(symbol, orderId=order_id)

    def cancel_all(self, symbol):
        with self._clock():
            return self.client.cancel_open_orders(symbol)

    def get_order(self, symbol, order_id):
        with self._clock():
            return self.client.get_order(symbol, orderId=order_id)

    def open_orders(self, symbol):
        with self._clock():
            return self.client.get_open_orders(symbol)

    def all_orders(self, symbol):
        with self._clock():
            return self.client.get_orders(symbol)

    def account(self):
        with self._clock():
            return self.client.account()

    def my_trades(self, symbol):
        with self._clock():
            return self.client.my_trades(symbol)

    @classmethod
    def error_class(cls, http_status: int) -> type:
        return ClientError

    @classmethod
    def describe(cls, error) -> Tuple[Optional[int], int, str]:
        return error.status_code, error.error_code, error.error_message


class TestBinanceConnector(RawSuite):
    API = ConnectorAPI

    def test_exchange_info_symbols_list(self, server):
        """`symbols=["BTCUSDT","ETHUSDT"]` arrives with raw brackets and quotes (spec §1.2)."""
        client = Spot(base_url=server.url, timeout=10)
        info = client.exchange_info(symbols=["BTCUSDT", "ETHUSDT"])
        assert sorted(s["symbol"] for s in info["symbols"]) == ["BTCUSDT", "ETHUSDT"]
        with pytest.raises(ClientError) as error:
            client.exchange_info(symbols=["BTCUSDT", "NOSUCHUSDT"])
        assert (error.value.status_code, error.value.error_code) == (400, -1121), error.value.error_message

    def test_ping_time_and_usage_headers(self, server):
        client = Spot(base_url=server.url, timeout=10, show_limit_usage=True)
        answer = client.ping()
        assert answer["data"] == {}
        usage = {k.lower(): v for k, v in answer["limit_usage"].items()}
        assert "x-mbx-used-weight-1m" in usage and int(usage["x-mbx-used-weight-1m"]) >= 1, answer["limit_usage"]
        assert isinstance(client.time()["data"]["serverTime"], int)

    def test_order_count_headers(self, server, market, make_trader):
        trader = make_trader(**{market.quote: "1000"})
        client = Spot(api_key=trader.key("hmac").api_key, api_secret=trader.key("hmac").secret, base_url=server.url,
                      timeout=10, show_limit_usage=True)
        placed = client.new_order(market.symbol, "BUY", "LIMIT", timeInForce="GTC", quantity="0.1", price="60")
        usage = {k.lower(): v for k, v in placed["limit_usage"].items()}
        assert "x-mbx-order-count-10s" in usage and "x-mbx-order-count-1d" in usage, placed["limit_usage"]
        assert int(usage["x-mbx-order-count-10s"]) >= 1
        client.cancel_order(market.symbol, orderId=placed["data"]["orderId"])
