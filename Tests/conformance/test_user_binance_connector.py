"""binance-connector 3.13.0 user data against Solvent (client-call-map §4): its only user-data path,
the listen key. `new_listen_key` / `renew_listen_key` / `close_listen_key` over REST (query string
only), then `SpotWebsocketStreamClient.user_data(listen_key)`, which connects to bare `/ws` and
SUBSCRIBEs the key as a stream name. Also the key in the URL, `/ws/<listenKey>` (bare events), read
with websocket-client. Both must deliver what happened, and `listenKeyExpired` once the key is closed.
"""

from __future__ import annotations

import json
import threading
import time

import websocket  # websocket-client, binance-connector's own WebSocket library
from binance.spot import Spot
from binance.websocket.spot.websocket_stream import SpotWebsocketStreamClient

from user_support import D, Events, is_report, pair, ws_url


def test_user_data_after_subscribing_a_listen_key_on_bare_ws(server, market, make_trader, key_type):
    p = pair(server, make_trader, market)
    key = p.trader.key(key_type)
    if key.kind == "hmac":
        rest = Spot(api_key=key.api_key, api_secret=key.secret, base_url=server.url, timeout=10)
    else:
        rest = Spot(api_key=key.api_key, private_key=key.private_key_pem, base_url=server.url, timeout=10)
    events, acks = Events(), []

    def on_message(_, text):
        message = json.loads(text)
        if "result" in message and "id" in message:
            acks.append(message)
        events.add(message)

    listen_key = rest.new_listen_key()["listenKey"]
    stream = SpotWebsocketStreamClient(stream_url=ws_url(server.url), on_message=on_message)
    try:
        stream.user_data(listen_key=listen_key, id=1)
        deadline = time.monotonic() + 10
        while not acks and time.monotonic() < deadline:
            time.sleep(0.02)
        assert acks and acks[0]["result"] is None, acks
        placed = rest.new_order(symbol=market.symbol, side="SELL", type="LIMIT", timeInForce="GTC", quantity="0.3",
                                price="100")
        p.counterparty.market(market.symbol, "BUY", D("0.3"))
        filled = events.wait(is_report(placed["orderId"], "TRADE", "FILLED"))
        assert (filled["z"], filled["Z"], filled["n"], filled["N"]) == ("0.30000000", "30.00000000", "0.03000000",
                                                                        market.quote)
        assert rest.renew_listen_key(listen_key) == {}
        rest.close_listen_key(listen_key)
        expired = events.wait(lambda e: e["e"] == "listenKeyExpired", 10)
        assert expired["listenKey"] == listen_key
    finally:
        stream.stop()
    kinds = [e["e"] for e in events.all()]
    assert kinds == ["executionReport", "outboundAccountPosition", "executionReport", "outboundAccountPosition",
                     "listenKeyExpired"], kinds
    assert events.all("outboundAccountPosition")[-1]["B"] == [
        {"a": market.base, "f": "9.70000000", "l": "0.00000000"},
        {"a": market.quote, "f": "100029.97000000", "l": "0.00000000"}]


def test_a_listen_key_in_the_url_gets_bare_events(server, market, make_trader):
    p = pair(server, make_trader, market)
    key = p.trader.key("hmac")
    rest = Spot(api_key=key.api_key, api_secret=key.secret, base_url=server.url, timeout=10)
    listen_key = rest.new_listen_key()["listenKey"]
    connection = websocket.create_connection(f"{ws_url(server.url)}/ws/{listen_key}", timeout=10)
    events = Events()
    reader = threading.Thread(target=lambda: [events.add(json.loads(connection.recv())) for _ in range(3)], daemon=True)
    reader.start()
    try:
        time.sleep(1.0)  # attached before the deposit is made (no acknowledgement on this path)
        p.server.deposit(p.trader.account, market.base, "0.5")
        placed = rest.new_order(symbol=market.symbol, side="BUY", type="LIMIT", timeInForce="GTC", quantity="0.1",
                                price="50")
        events.wait(is_report(placed["orderId"], "NEW", "NEW"))
    finally:
        connection.close()
    update = events.all("balanceUpdate")[0]
    assert (update["a"], update["d"]) == (market.base, "0.50000000")
    assert [e["e"] for e in events.all()] == ["balanceUpdate", "outboundAccountPosition", "executionReport"]
