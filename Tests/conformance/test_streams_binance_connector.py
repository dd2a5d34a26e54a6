"""binance-connector 3.13.0 market streams against Solvent (venv B): `SpotWebsocketStreamClient`
connects to bare `/ws` (or `/stream` when combined), subscribes one name per message with a
millisecond-timestamp id, and asks for the undocumented `@depth@1000ms` / `@depth5@1000ms`
spellings by default (client-call-map §4.3).
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from decimal import Decimal
from typing import Any, Dict, List

from binance.websocket.spot.websocket_stream import SpotWebsocketStreamClient

from streams_support import D, RandomTrading, RestTrader, funded_keys, wait_for, ws_url


def collect(url: str, combined: bool):
    messages: List[Dict[str, Any]] = []
    lock = threading.Lock()

    def on_message(_, text):
        with lock:
            messages.append(json.loads(text))

    client = SpotWebsocketStreamClient(stream_url=ws_url(url), on_message=on_message, is_combined=combined)
    return client, messages


def test_connector_market_streams(server, market, make_trader):
    maker_key, taker_key = funded_keys(server, make_trader, market)
    maker, taker = RestTrader(server.url, maker_key), RestTrader(server.url, taker_key)
    symbol = market.symbol.lower()
    raw, raw_messages = collect(server.url, combined=False)
    combined, combined_messages = collect(server.url, combined=True)
    try:
        raw.diff_book_depth(symbol=symbol)  # btcusdt@depth@1000ms
        raw.partial_book_depth(symbol=symbol, level=5)  # btcusdt@depth5@1000ms
        raw.trade(symbol=symbol)
        raw.agg_trade(symbol=symbol)
        raw.book_ticker(symbol=symbol)
        raw.ticker(symbol=symbol)
        combined.kline(symbol=symbol, interval="1m")
        combined.mini_ticker()  # !miniTicker@arr
        raw.list_subscribe(id=99)
        wait_for(lambda: sum(1 for m in raw_messages if "result" in m) >= 7, what="seven acknowledgements")
        maker.limit(market.symbol, "BUY", D("0.40"), D("99.50"))
        status, body = taker.market(market.symbol, "SELL", D("0.40"))
        assert status == 200 and body["status"] == "FILLED", body
        with RandomTrading(server.url, market, [maker_key, taker_key], seed=3):
            time.sleep(3.5)
        wait_for(lambda: any(m.get("stream") == "!miniTicker@arr" for m in combined_messages), what="!miniTicker@arr")
        time.sleep(1.2)
    finally:
        raw.stop()
        combined.stop()

    acks = [m for m in raw_messages if "result" in m]
    listing = next(m for m in acks if m.get("id") == 99)
    assert f"{symbol}@depth@1000ms" in listing["result"] and f"{symbol}@depth5@1000ms" in listing["result"]
    assert all(m.get("result") is None for m in acks if m is not listing)

    trades = [m for m in raw_messages if m.get("e") == "trade"]
    assert (D(trades[0]["p"]), D(trades[0]["q"]), trades[0]["m"]) == (D("99.5"), D("0.4"), True)
    # One taker order's fills at one price make one aggregate, exactly as REST's aggTrades has it.
    aggregates = [m for m in raw_messages if m.get("e") == "aggTrade"]
    covered = [i for a in aggregates for i in range(a["f"], a["l"] + 1)]
    assert covered == [t["t"] for t in trades] and all(a["a"] == a["f"] for a in aggregates)
    with urllib.request.urlopen(f"{server.url}/api/v3/aggTrades?symbol={market.symbol}&fromId={aggregates[0]['a']}"
                                f"&limit=1000") as answer:
        rest = {a["a"]: a for a in json.loads(answer.read())}
    for a in aggregates:
        assert {k: a[k] for k in "apqflTm"} == {k: rest[a["a"]][k] for k in "apqflTm"}, (a, rest.get(a["a"]))
    assert any(m.get("e") == "24hrTicker" and m["n"] > 0 for m in raw_messages)
    assert any("u" in m and "b" in m and "B" in m and "e" not in m for m in raw_messages), "no bookTicker"

    diffs = [m for m in raw_messages if m.get("e") == "depthUpdate"]
    assert len(diffs) >= 3, diffs
    for previous, event in zip(diffs, diffs[1:]):
        assert event["U"] == previous["u"] + 1
    partials = [m for m in raw_messages if "lastUpdateId" in m]
    assert partials and all(len(p["bids"]) <= 5 and len(p["asks"]) <= 5 for p in partials)

    klines = [m["data"] for m in combined_messages if m.get("stream") == f"{symbol}@kline_1m"]
    assert any(k["k"]["n"] > 0 for k in klines)
    arrays = [m["data"] for m in combined_messages if m.get("stream") == "!miniTicker@arr"]
    assert any(item["s"] == market.symbol for array in arrays for item in array)
