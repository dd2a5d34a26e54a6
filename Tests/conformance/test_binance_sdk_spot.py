"""binance-sdk-spot 13.2.0 (+ binance-common 4.6.0) against Solvent: only base_path is changed.

The SDK validates every answer against its pydantic models; an answer that does not fit is logged
("did not match the declared types" / "Failed to parse") and handed back relaxed or raw. Here any
such log fails the call: a real user would get wrongly typed data.
"""

from __future__ import annotations

import contextlib
import logging
from decimal import Decimal
from typing import Any, List, Optional, Tuple
from unittest import mock

import pytest
from pydantic import BaseModel

import binance_common.utils
from binance_common.configuration import ConfigurationRestAPI
from binance_common.errors import BadRequestError, ClientError, UnauthorizedError
from binance_sdk_spot.rest_api.models import enums
from binance_sdk_spot.spot import Spot
from flows import RawAPI, RawSuite, fmt


class _ModelWarnings(logging.Handler):
    """Collects the SDK's complaints about answers that do not fit its models."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if "did not match the declared types" in text or "Failed to parse" in text:
            self.messages.append(text)


MODEL_WARNINGS = _ModelWarnings()
logging.getLogger().addHandler(MODEL_WARNINGS)


def plain(value: Any) -> Any:
    """A model (or list of models) back to Binance's JSON shape."""
    if isinstance(value, BaseModel):
        return value.to_dict() if hasattr(value, "to_dict") else value.model_dump(by_alias=True, exclude_none=True)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class SdkSpotAPI(RawAPI):
    def __init__(self, url: str, key, clock_offset_ms: int = 0):
        if key.kind == "hmac":
            config = ConfigurationRestAPI(api_key=key.api_key, api_secret=key.secret, base_path=url)
        else:
            config = ConfigurationRestAPI(api_key=key.api_key, private_key=key.private_key_pem, base_path=url)
        self.rest = Spot(config_rest_api=config).rest_api
        self.clock_offset_ms = clock_offset_ms

    def _call(self, method, *args, **kwargs) -> Any:
        """Calls the SDK, with its clock shifted if asked, and unwraps the model."""
        clock = contextlib.nullcontext()
        if self.clock_offset_ms:
            real = binance_common.utils.get_timestamp
            clock = mock.patch.object(binance_common.utils, "get_timestamp", lambda: real() + self.clock_offset_ms)
        MODEL_WARNINGS.messages.clear()
        with clock:
            response = method(*args, **kwargs)
        data = response.data()
        assert not MODEL_WARNINGS.messages, f"{method.__name__}: the SDK could not parse the answer: {MODEL_WARNINGS.messages}"
        return plain(data)

    def exchange_info(self, symbol):
        if symbol is None:
            return self._call(self.rest.exchange_info)
        return self._call(self.rest.exchange_info, symbol=symbol)

    def depth(self, symbol, limit):
        return self._call(self.rest.depth, symbol, limit=limit)

    def ticker_24hr(self, symbol):
        return self._call(self.rest.ticker24hr, symbol=symbol)

    def ticker_price(self, symbol):
        return self._call(self.rest.ticker_price, symbol=symbol)

    def book_ticker(self, symbol):
        return self._call(self.rest.ticker_book_ticker, symbol=symbol)

    def klines(self, symbol, interval, limit):
        return self._call(self.rest.klines, symbol, enums.KlinesIntervalEnum(interval), limit=limit)

    def limit_order(self, symbol, side, qty: Decimal, price: Decimal):
        return self._call(self.rest.new_order, symbol, enums.NewOrderSideEnum(side), enums.NewOrderTypeEnum.LIMIT,
                          time_in_force=enums.NewOrderTimeInForceEnum.GTC, quantity=fmt(qty), price=fmt(price))

    def market_order(self, symbol, side, qty: Decimal):
        return self._call(self.rest.new_order, symbol, enums.NewOrderSideEnum(side), enums.NewOrderTypeEnum.MARKET,
                          quantity=fmt(qty))

    def market_order_quote(self, symbol, side, quote: Decimal):
        return self._call(self.rest.new_order, symbol, enums.NewOrderSideEnum(side), enums.NewOrderTypeEnum.MARKET,
                          quote_order_qty=fmt(quote))

    def cancel(self, symbol, order_id):
        return self._call(self.rest.delete_order, symbol, order_id=order_id)

    def cancel_all(self, symbol):
        return self._call(self.rest.delete_open_orders, symbol)

    def get_order(self, symbol, order_id):
        return self._call(self.rest.get_order, symbol, order_id=order_id)

    def open_orders(self, symbol):
        return self._call(self.rest.get_open_orders, symbol=symbol)

    def all_orders(self, symbol):
        return self._call(self.rest.all_orders, symbol)

    def account(self):
        return self._call(self.rest.get_account)

    def my_trades(self, symbol):
        return self._call(self.rest.my_trades, symbol)

    @classmethod
    def error_class(cls, http_status: int) -> type:
        return {400: BadRequestError, 401: UnauthorizedError}.get(http_status, ClientError)

    @classmethod
    def describe(cls, error) -> Tuple[Optional[int], int, str]:
        # The SDK puts Binance's code in `status_code`; the HTTP status is implied by the class.
        return None, error.status_code, error.error_message


class TestBinanceSdkSpot(RawSuite):
    API = SdkSpotAPI

    def test_ping_time_and_headers(self, server):
        rest = Spot(config_rest_api=ConfigurationRestAPI(base_path=server.url)).rest_api  # no key: empty X-MBX-APIKEY
        pong = rest.ping()
        assert pong.status == 200
        assert isinstance(rest.time().data().server_time, int)
        weights = [r for r in pong.rate_limits or [] if r.rateLimitType == "REQUEST_WEIGHT" and r.interval == "MINUTE"]
        assert weights, f"no X-MBX-USED-WEIGHT-1M header parsed: {dict(pong.headers)}"

    def test_float_quantity_with_exponent(self, server, make_trader):
        """str(0.00001) is '1e-05': rejected with -1100, as Binance does (spec §1.2)."""
        api = SdkSpotAPI(server.url, make_trader(USDT="1000").key("hmac"))
        with pytest.raises(BadRequestError) as info:
            api.rest.new_order("BTCUSDT", enums.NewOrderSideEnum.BUY, enums.NewOrderTypeEnum.LIMIT,
                               time_in_force=enums.NewOrderTimeInForceEnum.GTC, quantity=0.00001, price=10000.0)
        assert info.value.status_code == -1100, (info.value.status_code, info.value.error_message)

    def test_float_values_without_exponent(self, server, market, make_trader):
        """Plain Python floats as the SDK documents them (50000.0 style) are accepted."""
        trader = make_trader(**{market.quote: "1000"})
        api = SdkSpotAPI(server.url, trader.key("hmac"))
        order = api._call(api.rest.new_order, market.symbol, enums.NewOrderSideEnum.BUY, enums.NewOrderTypeEnum.LIMIT,
                          time_in_force=enums.NewOrderTimeInForceEnum.GTC, quantity=0.5, price=50.0)
        assert order["status"] == "NEW" and Decimal(order["origQty"]) == Decimal("0.5") and Decimal(order["price"]) == 50
        api.cancel(market.symbol, order["orderId"])
