"""binance-sdk-spot 13.2.0 streams against Solvent: the SDK connects to bare `/stream`, subscribes
each stream with a UUID-id SUBSCRIBE and routes the combined wrapper by `stream`
(client-call-map §3.3); only its stream URL is changed.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Dict, List

from binance_common.configuration import ConfigurationWebSocketStreams
from binance_sdk_spot.spot import Spot

from streams_support import D, RandomTrading, RestTrader, funded_keys, ws_url


def test_sdk_streams_deliver_trades_klines_and_contiguous_depth(server, market, make_trader):
    maker_key, taker_key = funded_keys(server, make_trader, market)
    maker, taker = RestTrader(server.url, maker_key), RestTrader(server.url, taker_key)
    symbol = market.symbol.lower()
    received: Dict[str, List[Any]] = {"trade": [], "kline": [], "depth": [], "mini": []}

    async def scenario():
        client = Spot(config_ws_streams=ConfigurationWebSocketStreams(stream_url=ws_url(server.url)))
        connection = await client.websocket_streams.create_connection()
        try:
            (await connection.trade(symbol=symbol)).on("message", received["trade"].append)
            (await connection.kline(symbol=symbol, interval="1m")).on("message", received["kline"].append)
            (await connection.diff_book_depth(symbol=symbol, update_speed="100ms")).on("message", received["depth"].append)
            (await connection.mini_ticker(symbol=symbol)).on("message", received["mini"].append)
            listed = await connection.list_subscribe()
            maker.limit(market.symbol, "SELL", D("0.20"), D("100.10"))
            status, body = taker.market(market.symbol, "BUY", D("0.20"))
            assert status == 200 and body["status"] == "FILLED", body
            with RandomTrading(server.url, market, [maker_key, taker_key], seed=5):
                await asyncio.sleep(3)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not (received["trade"] and any(k.k.n for k in received["kline"])
                                                       and any(D(m.v) > 0 for m in received["mini"])):
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            return listed
        finally:
            await connection.close_connection(close_session=True)

    listed = asyncio.run(scenario())
    assert set(listed["result"]) >= {f"{symbol}@trade", f"{symbol}@kline_1m", f"{symbol}@depth@100ms",
                                     f"{symbol}@miniTicker"}, listed
    first = received["trade"][0]
    assert (first.e, first.s, D(first.p), D(first.q), first.m) == ("trade", market.symbol, D("100.10"), D("0.2"), False)
    assert any(bar.k.n > 0 and bar.k.i == "1m" for bar in received["kline"])
    assert any(D(mini.v) > 0 for mini in received["mini"])
    depth = received["depth"]
    assert len(depth) >= 5, f"only {len(depth)} depth events"
    for previous, event in zip(depth, depth[1:]):
        assert event.U == previous.u + 1, (previous.u, event.U)
