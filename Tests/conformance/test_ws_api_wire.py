"""/ws-api/v3 on the wire, without a client library: requests are answered in order with their ids,
every reply carries rateLimits, and a burst of requests is served (the WebSocket API is limited by
request weight, not by the market streams' messages-per-second rule).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from websockets.sync.client import connect

from user_support import pair, ws_url


def test_a_burst_of_requests_is_answered_in_order_with_rate_limits(server):
    with connect(ws_url(server.url) + "/ws-api/v3") as ws:
        for index in range(300):
            ws.send(json.dumps({"id": index, "method": "ping"}))
        replies = [json.loads(ws.recv(timeout=20)) for _ in range(300)]
    assert [r["id"] for r in replies] == list(range(300))
    assert all(r["status"] == 200 and r["result"] == {} for r in replies)
    assert all(r["rateLimits"][0]["rateLimitType"] == "REQUEST_WEIGHT" for r in replies)


def test_signed_requests_fail_with_rests_codes(server, market, make_trader):
    p = pair(server, make_trader, market)
    key = p.trader.key("hmac")

    def signed(method, params, secret=key.secret):
        params = dict(params, apiKey=key.api_key, timestamp=int(time.time() * 1000))
        payload = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        params["signature"] = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
        return json.dumps({"id": method, "method": method, "params": params})

    with connect(ws_url(server.url) + "/ws-api/v3") as ws:
        ws.send(signed("account.status", {}, secret="wrong"))
        bad = json.loads(ws.recv(timeout=20))
        ws.send(signed("order.place", {"symbol": market.symbol, "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
                                       "quantity": "1", "price": "1000000"}))
        poor = json.loads(ws.recv(timeout=20))
        ws.send(signed("account.status", {}))
        good = json.loads(ws.recv(timeout=20))
    assert (bad["status"], bad["error"]["code"]) == (400, -1022), bad
    assert (poor["status"], poor["error"]) == (400, {"code": -2010,
                                                     "msg": "Account has insufficient balance for requested action."})
    assert [limit["rateLimitType"] for limit in poor["rateLimits"]] == ["ORDERS", "ORDERS", "REQUEST_WEIGHT"]
    assert good["status"] == 200 and good["result"]["uid"] == p.trader.account
