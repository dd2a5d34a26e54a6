"""python-binance 1.0.37 (`binance.Client`) against Solvent: only its API_URL is changed.

Runs in .venv-conformance-a (binance-connector, which also installs `binance`, lives in venv B).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional, Tuple

import pytest

from binance.base_client import BaseClient
from binance.client import Client
from binance.exceptions import BinanceAPIException
from flows import RawAPI, RawSuite, fmt, find_symbol


class PythonBinanceAPI(RawAPI):
    def __init__(self, url: str, key, clock_offset_ms: int = 0):
        # The documented way to aim python-binance elsewhere (client-call-map §2.1): the class
        # attribute, set before the constructor (which pings /api/v3/ping).
        BaseClient.API_URL = url + "/api"
        BaseClient.MARGIN_API_URL = url + "/sapi"
        if key.kind == "hmac":
            self.client = Client(key.api_key, key.secret)
        else:
            self.client = Client(key.api_key, private_key=key.private_key_pem)
        self.client.timestamp_offset = clock_offset_ms

    def exchange_info(self, symbol):
        info = self.client.get_exchange_info()
        if symbol is not None:
            assert self.client.get_symbol_info(symbol) == find_symbol(info, symbol)
        return info

    def depth(self, symbol, limit):
        return self.client.get_order_book(symbol=symbol, limit=limit)

    def ticker_24hr(self, symbol):
        return self.client.get_ticker(symbol=symbol)

    def ticker_price(self, symbol):
        return self.client.get_symbol_ticker(symbol=symbol)

    def book_ticker(self, symbol):
        return self.client.get_orderbook_ticker(symbol=symbol)

    def klines(self, symbol, interval, limit):
        return self.client.get_klines(symbol=symbol, interval=interval, limit=limit)

    def limit_order(self, symbol, side, qty: Decimal, price: Decimal):
        place = self.client.order_limit_buy if side == "BUY" else self.client.order_limit_sell
        return place(symbol=symbol, quantity=fmt(qty), price=fmt(price))

    def market_order(self, symbol, side, qty: Decimal):
        place = self.client.order_market_buy if side == "BUY" else self.client.order_market_sell
        return place(symbol=symbol, quantity=fmt(qty))

    def market_order_quote(self, symbol, side, quote: Decimal):
        place = self.client.order_market_buy if side == "BUY" else self.client.order_market_sell
        return place(symbol=symbol, quoteOrderQty=fmt(quote))

    def cancel(self, symbol, order_id):
        return self.client.cancel_order(symbol=symbol, orderId=order_id)  # parameters in a DELETE body

    def cancel_all(self, symbol):
        return self.client.cancel_all_open_orders(symbol=symbol)

    def get_order(self, symbol, order_id):
        return self.client.get_order(symbol=symbol, orderId=order_id)

    def open_orders(self, symbol):
        return self.client.get_open_orders(symbol=symbol)

    def all_orders(self, symbol):
        return self.client.get_all_orders(symbol=symbol)

    def account(self):
        return self.client.get_account()

    def my_trades(self, symbol):
        return self.client.get_my_trades(symbol=symbol)

    @classmethod
    def error_class(cls, http_status: int) -> type:
        return BinanceAPIException

    @classmethod
    def describe(cls, error) -> Tuple[Optional[int], int, str]:
        return error.status_code, error.code, error.message


class TestPythonBinance(RawSuite):
    API = PythonBinanceAPI

    def test_ping_time_and_asset_balance(self, server, make_trader, key_type):
        trader = make_trader(USDT="1234.5")
        api = PythonBinanceAPI(server.url, trader.key(key_type))
        assert api.client.ping() == {}
        assert isinstance(api.client.get_server_time()["serverTime"], int)
        balance = api.client.get_asset_balance(asset="USDT")
        assert balance["asset"] == "USDT"
        assert Decimal(balance["free"]) == Decimal("1234.5") and Decimal(balance["locked"]) == 0, balance

    def test_float_exponent_is_rejected(self, server, make_trader):
        """A Python float 1e-05 goes out as "1e-05": Binance (and so Solvent) answers -1100."""
        api = PythonBinanceAPI(server.url, make_trader(USDT="1000").key("hmac"))
        with pytest.raises(BinanceAPIException) as info:
            api.client.order_limit_buy(symbol="BTCUSDT", quantity=0.00001, price="10000")
        assert info.value.status_code == 400 and info.value.code == -1100, (info.value.code, info.value.message)
        assert info.value.message == (
            "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."
        )
