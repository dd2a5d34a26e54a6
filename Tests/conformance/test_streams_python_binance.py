"""python-binance 1.0.37 streams against Solvent: `BinanceSocketManager` (raw `/ws/<stream>` and the
combined `/stream?streams=`) and `DepthCacheManager` (REST snapshot + `@depth` diffs), aimed at the
server by their class attributes only (client-call-map §2.1, §2.3).
"""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

from binance import AsyncClient, BinanceSocketManager, DepthCacheManager
from binance.base_client import BaseClient

from streams_support import D, RandomTrading, RestTrader, book_levels, depth, funded_keys, ws_url


async def client_for(url: str):
    BaseClient.API_URL = url + "/api"
    BinanceSocketManager.STREAM_URL = ws_url(url) + "/"  # python-binance appends "ws/…" or "stream?…"
    client = await AsyncClient.create()
    return client, BinanceSocketManager(client)


def test_depth_cache_manager_ends_equal_to_rest_depth(server, market, make_trader):
    keys = funded_keys(server, make_trader, market)

    async def scenario():
        client, manager = await client_for(server.url)
        snapshots = 0
        original = client.get_order_book

        async def counted(**params):
            nonlocal snapshots
            snapshots += 1
            return await original(**params)

        client.get_order_book = counted
        try:
            async with DepthCacheManager(client, market.symbol, bm=manager, ws_interval=100) as cache_socket:
                with RandomTrading(server.url, market, keys, seed=11) as trading:
                    deadline = time.monotonic() + 12
                    while time.monotonic() < deadline:
                        await asyncio.wait_for(cache_socket.recv(), 20)
                assert not trading.errors, trading.errors[:5]
                rest = depth(server.url, market.symbol, 500)
                deadline = time.monotonic() + 10
                while cache_socket._last_update_id != rest["lastUpdateId"] and time.monotonic() < deadline:
                    try:
                        await asyncio.wait_for(cache_socket.recv(), 1.5)
                    except asyncio.TimeoutError:
                        pass
                cache = cache_socket.get_depth_cache()
                return rest, cache_socket._last_update_id, cache.get_bids(), cache.get_asks(), snapshots
        finally:
            await client.close_connection()

    rest, last_id, bids, asks, snapshots = asyncio.run(scenario())
    assert last_id == rest["lastUpdateId"]
    assert book_levels(bids) == book_levels(rest["bids"])
    assert book_levels(asks) == book_levels(rest["asks"])
    # python-binance refetches when the first event after the snapshot does not start at exactly
    # lastUpdateId + 1 (spec §5.5); a gap later would make it refetch on every event.
    assert snapshots <= 3, f"{snapshots} snapshots: the diffs were not contiguous"


def test_socket_manager_streams_deliver_one_trade(server, market, make_trader):
    maker_key, taker_key = funded_keys(server, make_trader, market)
    maker, taker = RestTrader(server.url, maker_key), RestTrader(server.url, taker_key)
    symbol, lower = market.symbol, market.symbol.lower()

    async def first(socket, accept, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            message = await asyncio.wait_for(socket.recv(), max(0.1, deadline - time.monotonic()))
            if accept(message):
                return message

    async def scenario():
        client, manager = await client_for(server.url)
        sockets = {
            "trade": manager.trade_socket(symbol),
            "aggTrade": manager.aggtrade_socket(symbol),
            "kline": manager.kline_socket(symbol, "1m"),
            "miniTicker": manager.symbol_miniticker_socket(symbol),
            "ticker": manager.symbol_ticker_socket(symbol),
            "bookTicker": manager.symbol_book_ticker_socket(symbol),
            "multiplex": manager.multiplex_socket([f"{lower}@trade", f"{lower}@depth@100ms"]),
        }
        try:
            for socket in sockets.values():
                await socket.__aenter__()
            await asyncio.sleep(1.0)
            maker.limit(symbol, "SELL", D("0.30"), D("99.00"))
            status, body = taker.market(symbol, "BUY", D("0.30"))
            assert status == 200 and body["status"] == "FILLED", body
            got = {
                "trade": await first(sockets["trade"], lambda m: m.get("e") == "trade"),
                "aggTrade": await first(sockets["aggTrade"], lambda m: m.get("e") == "aggTrade"),
                "kline": await first(sockets["kline"], lambda m: m["k"]["n"] > 0),
                "miniTicker": await first(sockets["miniTicker"], lambda m: D(m["v"]) > 0),
                "ticker": await first(sockets["ticker"], lambda m: m["n"] > 0),
                "bookTicker": await first(sockets["bookTicker"], lambda m: True),
                "multiplex": await first(sockets["multiplex"], lambda m: m.get("stream") == f"{lower}@trade"),
            }
            return got
        finally:
            for socket in sockets.values():
                await socket.__aexit__(None, None, None)
            await client.close_connection()

    got = asyncio.run(scenario())
    trade = got["trade"]
    assert (trade["s"], D(trade["p"]), D(trade["q"]), trade["m"], trade["M"]) == (symbol, D("99"), D("0.3"), False, True)
    assert set(trade) == {"e", "E", "s", "t", "p", "q", "T", "m", "M"}
    agg = got["aggTrade"]
    assert (agg["a"], agg["f"], agg["l"], D(agg["p"])) == (trade["t"], trade["t"], trade["t"], D("99"))
    bar = got["kline"]["k"]
    assert (bar["i"], bar["f"], bar["L"], bar["n"], bar["x"]) == ("1m", trade["t"], trade["t"], 1, False)
    assert [D(bar[k]) for k in "ohlcv"] == [D("99")] * 4 + [D("0.3")]
    assert (D(bar["V"]), D(bar["Q"])) == (D("0.3"), D("29.7"))
    assert (got["miniTicker"]["e"], D(got["miniTicker"]["c"]), D(got["miniTicker"]["q"])) == ("24hrMiniTicker", D("99"), D("29.7"))
    ticker = got["ticker"]
    assert (ticker["e"], D(ticker["c"]), D(ticker["Q"]), ticker["F"], ticker["L"]) == ("24hrTicker", D("99"), D("0.3"),
                                                                                       trade["t"], trade["t"])
    assert set(got["bookTicker"]) == {"u", "s", "b", "B", "a", "A"}
    assert got["multiplex"]["data"]["t"] == trade["t"]
