"""binance-sdk-spot 13.2.0's WebSocket API against Solvent (client-call-map §3.3): the user-data
subscription (`user_data_stream_subscribe_signature`, whose stream handle gets the events) and the
order methods (`order_place`, `order_status`, `open_orders_status`, `account_status`,
`order_cancel`), with HMAC and Ed25519 keys. The SDK reads `rateLimits` from every response and
fails without it, and parses each result into its models, so a wrong shape shows as an error.
"""

from __future__ import annotations

import asyncio
from typing import Any

from binance_common.configuration import ConfigurationWebSocketAPI
from binance_sdk_spot.spot import Spot

from user_support import D, Events, is_report, pair


def plain(model: Any) -> Any:
    return model.to_dict() if hasattr(model, "to_dict") else model


def event_of(message: Any) -> Any:
    """The SDK parses each event into the model its `e` names (`ExecutionReport`, ...) and drops
    `e` from the dict form; put it back from the model's class."""
    instance = getattr(message, "actual_instance", None)
    if instance is None:
        return plain(message)
    name = type(instance).__name__
    return dict(plain(instance), e=name[0].lower() + name[1:])


def test_websocket_api_orders_and_user_data(server, market, make_trader, key_type):
    p = pair(server, make_trader, market)
    key = p.trader.key(key_type)
    events = Events()

    async def scenario():
        if key.kind == "hmac":
            config = ConfigurationWebSocketAPI(api_key=key.api_key, api_secret=key.secret, stream_url=p.ws_api)
        else:
            config = ConfigurationWebSocketAPI(api_key=key.api_key, private_key=key.private_key_pem, stream_url=p.ws_api)
        connection = await Spot(config_ws_api=config).websocket_api.create_connection()
        try:
            subscribed = await connection.user_data_stream_subscribe_signature()
            subscribed.stream.on("message", lambda message: events.add(event_of(message)))
            assert subscribed.response.rate_limits, "no rateLimits on the subscription reply"

            placed = await connection.order_place(symbol=market.symbol, side="SELL", type="LIMIT", time_in_force="GTC",
                                                  quantity=0.3, price=100.0, new_client_order_id="sdk-ws-1")
            order = plain(placed.data().result)
            assert placed.rate_limits and {limit.rateLimitType for limit in placed.rate_limits} >= {"ORDERS",
                                                                                                     "REQUEST_WEIGHT"}
            assert (order["clientOrderId"], order["status"], order["origQty"]) == ("sdk-ws-1", "NEW", "0.30000000")
            order_id = order["orderId"]
            await asyncio.to_thread(p.counterparty.market, market.symbol, "BUY", D("0.1"))
            await asyncio.to_thread(events.wait, is_report(order_id, "TRADE", "PARTIALLY_FILLED"))

            status = plain((await connection.order_status(symbol=market.symbol, order_id=order_id)).data().result)
            assert (status["status"], status["executedQty"]) == ("PARTIALLY_FILLED", "0.10000000")
            open_orders = [plain(o) for o in (await connection.open_orders_status(symbol=market.symbol)).data().result]
            assert [o["orderId"] for o in open_orders] == [order_id]
            account = plain((await connection.account_status(omit_zero_balances=True)).data().result)
            base = next(b for b in account["balances"] if b["asset"] == market.base)
            assert (base["free"], base["locked"]) == ("9.70000000", "0.20000000")
            canceled = plain((await connection.order_cancel(symbol=market.symbol, order_id=order_id)).data().result)
            assert canceled["status"] == "CANCELED"
            await asyncio.to_thread(events.wait, is_report(order_id, "CANCELED", "CANCELED"))
            return order_id
        finally:
            await connection.close_connection()

    order_id = asyncio.run(scenario())
    reports = [(e["x"], e["X"]) for e in events.all("executionReport") if e["i"] == order_id]
    assert reports == [("NEW", "NEW"), ("TRADE", "PARTIALLY_FILLED"), ("CANCELED", "CANCELED")], reports
    assert events.all("outboundAccountPosition")[-1]["B"] == [{"a": market.base, "f": "9.90000000", "l": "0.00000000"}]
