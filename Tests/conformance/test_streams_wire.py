"""Stream rules below the clients, over a plain WebSocket (`websockets`, venv A): the paths, the
control messages and their errors, pings, the combined wrapper, and the depth ids against REST.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, List

import websockets

from streams_support import D, RestTrader, depth, funded_keys, ws_url


async def ask(ws, request: Any) -> Any:
    await ws.send(request if isinstance(request, str) else json.dumps(request))
    while True:
        reply = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if "result" in reply or "error" in reply:
            return reply


def test_control_messages_and_their_errors(server):
    async def scenario() -> List[Any]:
        async with websockets.connect(ws_url(server.url) + "/ws/0") as ws:  # ccxt.pro's connection index
            return [
                await ask(ws, {"method": "LIST_SUBSCRIPTIONS", "id": 1}),
                await ask(ws, {"method": "SUBSCRIBE", "params": ["btcusdt@trade", "btcusdt@depth@100ms"], "id": 2}),
                await ask(ws, {"method": "LIST_SUBSCRIPTIONS", "id": "3e2f-uuid"}),
                await ask(ws, {"method": "UNSUBSCRIBE", "params": ["btcusdt@trade"], "id": None}),
                await ask(ws, {"method": "GET_PROPERTY", "params": ["combined"], "id": 4}),
                await ask(ws, {"method": "SET_PROPERTY", "params": ["combined", True], "id": 5}),
                await ask(ws, {"method": "GET_PROPERTY", "params": ["combined"], "id": 6}),
                await ask(ws, {"method": "SET_PROPERTY", "params": ["nope", True], "id": 7}),
                await ask(ws, {"method": "SET_PROPERTY", "params": ["combined", "yes"], "id": 8}),
                await ask(ws, {"method": "FLY", "id": 9}),
                await ask(ws, "{oops"),
            ]

    replies = asyncio.run(scenario())
    assert replies[0] == {"result": [], "id": 1}
    assert replies[1] == {"result": None, "id": 2}
    assert replies[2] == {"result": ["btcusdt@trade", "btcusdt@depth@100ms"], "id": "3e2f-uuid"}
    assert replies[3] == {"result": None, "id": None}
    assert replies[4] == {"result": False, "id": 4}
    assert replies[5] == {"result": None, "id": 5}
    assert replies[6] == {"result": True, "id": 6}
    assert replies[7] == {"error": {"code": 0, "msg": "Unknown property"}, "id": 7}
    assert replies[8] == {"error": {"code": 1, "msg": "Invalid value type: expected Boolean"}, "id": 8}
    assert replies[9]["error"]["code"] == 2 and replies[9]["id"] == 9
    assert replies[10]["error"]["code"] == 3


def test_pings_are_answered_and_bare_paths_accepted(server):
    async def scenario():
        for path in ("/ws", "/stream"):
            async with websockets.connect(ws_url(server.url) + path) as ws:
                started = time.monotonic()
                await asyncio.wait_for(await ws.ping(b"hello"), 5)
                assert time.monotonic() - started < 5
                combined = await ask(ws, {"method": "GET_PROPERTY", "params": ["combined"], "id": 1})
                assert combined["result"] == (path == "/stream")

    asyncio.run(scenario())


def test_combined_stream_wraps_and_depth_ids_meet_rest(server, market, make_trader):
    maker_key, taker_key = funded_keys(server, make_trader, market)
    maker, taker = RestTrader(server.url, maker_key), RestTrader(server.url, taker_key)
    lower = market.symbol.lower()

    async def scenario():
        url = ws_url(server.url) + f"/stream?streams={lower}@depth@100ms/{lower}@trade/{lower}@bookTicker"
        async with websockets.connect(url) as ws:
            await asyncio.sleep(0.3)
            for step in range(5):
                maker.limit(market.symbol, "BUY", D("0.10"), D("99.00") + D(step) / 10)
            snapshot = depth(server.url, market.symbol, 100)
            maker.limit(market.symbol, "SELL", D("0.10"), D("101.00"))
            status, body = taker.market(market.symbol, "SELL", D("0.10"))
            assert status == 200 and body["status"] == "FILLED"
            messages = []
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    messages.append(json.loads(await asyncio.wait_for(ws.recv(), 1)))
                except asyncio.TimeoutError:
                    break
            return snapshot, messages, depth(server.url, market.symbol, 100)

    snapshot, messages, final = asyncio.run(scenario())
    assert all(set(m) == {"stream", "data"} for m in messages)
    diffs = [m["data"] for m in messages if m["stream"] == f"{lower}@depth@100ms"]
    for previous, event in zip(diffs, diffs[1:]):
        assert event["U"] == previous["u"] + 1
    # The snapshot falls inside the diff sequence: some event starts at or before its id + 1 and
    # ends at or after it, and the last event ends exactly at the final book's id.
    assert any(e["U"] <= snapshot["lastUpdateId"] + 1 <= e["u"] for e in diffs), (snapshot["lastUpdateId"], diffs)
    assert diffs[-1]["u"] == final["lastUpdateId"]
    trades = [m["data"] for m in messages if m["stream"] == f"{lower}@trade"]
    assert len(trades) == 1 and D(trades[0]["p"]) == D("99.4") and trades[0]["m"] is True
    tops = [m["data"] for m in messages if m["stream"] == f"{lower}@bookTicker"]
    assert tops and D(tops[-1]["b"]) == D("99.3") and D(tops[-1]["a"]) == D("101") and tops[-1]["u"] <= final["lastUpdateId"]
