"""python-binance 1.0.37 user data against Solvent (client-call-map §2.3): `user_socket()` subscribes
through the WebSocket API (`userDataStream.subscribe.signature` on WS_API_URL, and
`userDataStream.unsubscribe` on exit, which raises if it fails); the manual listen-key functions
(`stream_get_listen_key`, `stream_keepalive`, `stream_close`) with the key as a stream of
`multiplex_socket` (`/stream?streams=<listenKey>`). Both must deliver what happened; closing the key
ends its stream with `listenKeyExpired`.
"""

from __future__ import annotations

import asyncio

from binance import AsyncClient, BinanceSocketManager
from binance.base_client import BaseClient

from user_support import Events, is_report, pair, ws_url


async def connect(url: str, key) -> AsyncClient:
    # The documented way to aim python-binance elsewhere (client-call-map §2.1).
    BaseClient.API_URL = url + "/api"
    BaseClient.MARGIN_API_URL = url + "/sapi"
    BaseClient.WS_API_URL = ws_url(url) + "/ws-api/v3"
    BinanceSocketManager.STREAM_URL = ws_url(url) + "/"
    if key.kind == "hmac":
        return await AsyncClient.create(key.api_key, key.secret)
    return await AsyncClient.create(key.api_key, private_key=key.private_key_pem)


async def pump(socket, events: Events, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            events.add(await asyncio.wait_for(socket.recv(), timeout=0.5))
        except asyncio.TimeoutError:
            continue


def test_user_socket_delivers_reports_and_positions_over_the_websocket_api(server, market, make_trader, key_type):
    p = pair(server, make_trader, market)
    events = Events()

    async def scenario():
        client = await connect(server.url, p.trader.key(key_type))
        try:
            manager = BinanceSocketManager(client)
            async with manager.user_socket() as socket:
                stop = asyncio.Event()
                reader = asyncio.ensure_future(pump(socket, events, stop))
                placed = await client.order_limit_sell(symbol=market.symbol, quantity="0.3", price="100")
                await asyncio.to_thread(p.counterparty.market, market.symbol, "BUY", __import__("decimal").Decimal("0.1"))
                await asyncio.to_thread(events.wait, is_report(placed["orderId"], "TRADE", "PARTIALLY_FILLED"))
                stop.set()
                await reader
            return placed
        finally:
            await client.close_connection()

    placed = asyncio.run(scenario())
    new = events.wait(is_report(placed["orderId"], "NEW", "NEW"))
    assert new["c"] == placed["clientOrderId"] and new["q"] == "0.30000000" and new["p"] == "100.00000000"
    trade = events.wait(is_report(placed["orderId"], "TRADE", "PARTIALLY_FILLED"))
    assert (trade["l"], trade["L"], trade["n"], trade["N"], trade["m"]) == ("0.10000000", "100.00000000", "0.01000000",
                                                                            p.market.quote, True)
    positions = events.all("outboundAccountPosition")
    assert positions and positions[-1]["B"] == [{"a": market.base, "f": "9.70000000", "l": "0.20000000"},
                                                {"a": market.quote, "f": "100009.99000000", "l": "0.00000000"}]


def test_a_listen_key_stream_delivers_events_and_ends_when_the_key_is_closed(server, market, make_trader):
    p = pair(server, make_trader, market)
    events = Events()

    async def scenario():
        client = await connect(server.url, p.trader.key("hmac"))
        try:
            listen_key = await client.stream_get_listen_key()
            assert await client.stream_get_listen_key() == listen_key  # the same key while it lives
            manager = BinanceSocketManager(client)
            async with manager.multiplex_socket([listen_key]) as socket:
                stop = asyncio.Event()
                reader = asyncio.ensure_future(pump(socket, events, stop))
                await asyncio.sleep(1.0)  # attached before anything happens (no acknowledgement on this path)
                await asyncio.to_thread(p.server.deposit, p.trader.account, market.quote, "5")
                placed = await client.order_limit_buy(symbol=market.symbol, quantity="0.2", price="90")
                await asyncio.to_thread(events.wait, is_report(placed["orderId"], "NEW", "NEW"))
                assert await client.stream_keepalive(listen_key) == {}
                await client.stream_close(listen_key)
                await asyncio.to_thread(events.wait, lambda e: e["e"] == "listenKeyExpired", 10)
                stop.set()
                await reader
            return listen_key, placed
        finally:
            await client.close_connection()

    listen_key, placed = asyncio.run(scenario())
    kinds = [e["e"] for e in events.all()]
    assert kinds == ["balanceUpdate", "outboundAccountPosition", "executionReport", "outboundAccountPosition",
                     "listenKeyExpired"], kinds
    update = events.all("balanceUpdate")[0]
    assert (update["a"], update["d"]) == (market.quote, "5.00000000")
    assert events.all("outboundAccountPosition")[-1]["B"] == [
        {"a": market.quote, "f": "99987.00000000", "l": "18.00000000"}]
    assert events.all("listenKeyExpired")[0]["listenKey"] == listen_key
