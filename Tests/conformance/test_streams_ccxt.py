"""ccxt.pro 4.5.90 (`ccxt.pro.binance`) streams against Solvent: only its URLs are changed
(client-call-map §1.1, §1.4). watch_order_book is kept for 60 s while random orders trade on the
market and must end equal to REST /depth level for level (ccxt raises on any update-id gap);
watch_trades, watch_ohlcv and watch_ticker must deliver what happened.
"""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal
from typing import Any, Dict

from streams_support import D, RandomTrading, RestTrader, book_levels, depth, funded_keys, pro_connect

BOOK_SECONDS = 60


def test_watch_order_book_matches_rest_depth_after_a_minute_of_random_trading(server, market, make_trader):
    keys = funded_keys(server, make_trader, market)

    async def scenario() -> Dict[str, Any]:
        exchange = pro_connect(server.url)
        try:
            updates = 0
            with RandomTrading(server.url, market, keys) as trading:
                deadline = time.monotonic() + BOOK_SECONDS
                while time.monotonic() < deadline:
                    await asyncio.wait_for(exchange.watch_order_book(market.unified), timeout=30)
                    updates += 1
            assert not trading.errors, trading.errors[:5]
            assert trading.orders > 100, f"only {trading.orders} orders in {BOOK_SECONDS} s"
            # Market orders may have swept a side empty: one resting order per side, outside the
            # random orders' price range (bids at most 100.50, asks at least 99.50), so neither
            # crosses and both sides are compared.
            closer = RestTrader(server.url, keys[0])
            closer.limit(market.symbol, "BUY", D("0.10"), D("99.00"))
            closer.limit(market.symbol, "SELL", D("0.10"), D("101.00"))
            rest = depth(server.url, market.symbol, 1000)
            # The last 100 ms event after trading stopped brings ccxt's book to the snapshot's id.
            deadline = time.monotonic() + 10
            book = exchange.orderbooks[market.unified]
            while book["nonce"] != rest["lastUpdateId"] and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            local = {"nonce": book["nonce"], "bids": [list(level) for level in book["bids"]],
                     "asks": [list(level) for level in book["asks"]]}
            return {"updates": updates, "orders": trading.orders, "rest": rest, "local": local}
        finally:
            await exchange.close()

    outcome = asyncio.run(scenario())
    rest, local = outcome["rest"], outcome["local"]
    assert outcome["updates"] > 100, outcome["updates"]
    assert local["nonce"] == rest["lastUpdateId"], (local["nonce"], rest["lastUpdateId"])
    assert book_levels(local["bids"]) == book_levels(rest["bids"])
    assert book_levels(local["asks"]) == book_levels(rest["asks"])
    assert rest["bids"] and rest["asks"], "random trading left an empty side: nothing was compared"


def test_watch_trades_ohlcv_and_ticker_deliver_what_happened(server, market, make_trader):
    maker_key, taker_key = funded_keys(server, make_trader, market)
    maker, taker = RestTrader(server.url, maker_key), RestTrader(server.url, taker_key)

    async def scenario():
        exchange = pro_connect(server.url)
        try:
            trades_task = asyncio.ensure_future(exchange.watch_trades(market.unified))
            ohlcv_task = asyncio.ensure_future(exchange.watch_ohlcv(market.unified, "1m"))
            ticker_task = asyncio.ensure_future(exchange.watch_ticker(market.unified))
            await asyncio.sleep(1.0)  # the subscriptions are acknowledged before anything trades
            maker.limit(market.symbol, "SELL", D("0.25"), D("101.50"))
            status, body = taker.market(market.symbol, "BUY", D("0.25"))
            assert status == 200 and body["status"] == "FILLED", body
            trades = await asyncio.wait_for(trades_task, 20)
            await asyncio.wait_for(ohlcv_task, 20)
            await asyncio.wait_for(ticker_task, 20)
            # A new subscriber's first bar and ticker may predate the trade: read ccxt's caches,
            # which every later push updates, until they show it.
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                ohlcv = exchange.ohlcvs.get(market.unified, {}).get("1m") or []
                ticker = exchange.tickers.get(market.unified) or {}
                if ohlcv and D(str(ohlcv[-1][5])) > 0 and ticker.get("baseVolume"):
                    break
                await asyncio.sleep(0.1)
            return trades, ohlcv, ticker
        finally:
            await exchange.close()

    trades, ohlcv, ticker = asyncio.run(scenario())
    assert len(trades) == 1, trades
    trade = trades[0]
    assert (D(str(trade["price"])), D(str(trade["amount"])), trade["side"]) == (D("101.50"), D("0.25"), "buy")
    assert trade["symbol"] == market.unified
    _, open_, high, low, close, volume = ohlcv[-1]
    assert [D(str(v)) for v in (open_, high, low, close, volume)] == [D("101.50")] * 4 + [D("0.25")]
    assert D(str(ticker["last"])) == D("101.50") and D(str(ticker["baseVolume"])) == D("0.25"), ticker
