"""Spec points below the clients, over plain HTTP (venv A): one named test per rule, so that a rule
the fuzz test finds broken also fails here by name.
"""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Optional, Tuple

import pytest
import requests

from signed_support import Signed


def error_of(response: requests.Response) -> Tuple[int, Optional[int], Optional[str]]:
    """(HTTP status, code, msg); code and msg are None when the answer is no error object."""
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    body = response.json()
    if not isinstance(body, dict):
        return response.status_code, None, None
    return response.status_code, body.get("code"), body.get("msg")


@pytest.fixture
def signer(server, make_trader):
    return Signed(server.url, make_trader(USDT="100000", BTC="10").key("hmac"))


def test_headers_and_json_on_every_answer(server):
    ok = requests.get(server.url + "/api/v3/ping", timeout=10)
    assert ok.status_code == 200 and ok.content == b"{}"
    assert ok.headers["Content-Type"].startswith("application/json")
    assert int(ok.headers["X-MBX-USED-WEIGHT-1M"]) >= 1 and int(ok.headers["X-MBX-USED-WEIGHT"]) >= 1
    missing = requests.get(server.url + "/sapi/v1/no/such/endpoint", timeout=10)
    status, code, msg = error_of(missing)
    assert status == 404 and isinstance(code, int) and code < 0 and msg


def test_the_admin_surface_and_metrics_are_only_on_the_admin_listener(server):
    """The operator's endpoints and /metrics answer on the admin listener (its URL in
    <data>/admin.url, where `solvent admin` finds it), never on the public port."""
    admin_url = (server.data / "admin.url").read_text().strip()
    token = (server.data / "admin.token").read_text().strip()
    assert admin_url != server.url
    for method, path in (("POST", "/admin/v1/account"), ("GET", "/admin/v1/apiKeys"), ("GET", "/metrics"),
                         ("GET", "/sapi/v1/solvent/records")):
        status, code, msg = error_of(requests.request(method, server.url + path, headers={"X-Solvent-Admin-Token": token},
                                                      timeout=10))
        assert (status, code) == (404, -1000) and msg, (method, path)
    status, code, _ = error_of(requests.post(admin_url + "/admin/v1/account", timeout=10))
    assert (status, code) == (401, -1002)
    answer = requests.post(admin_url + "/admin/v1/account", headers={"X-Solvent-Admin-Token": token}, timeout=10)
    assert answer.status_code == 200 and isinstance(answer.json()["account"], int), answer.text
    metrics = requests.get(admin_url + "/metrics", timeout=10)
    assert metrics.status_code == 200 and metrics.headers["Content-Type"].startswith("text/plain")


def test_public_endpoints_ignore_any_key_header(server):
    for value in ("", "unknown-key", "A" * 64):
        answer = requests.get(server.url + "/api/v3/depth?symbol=BTCUSDT&limit=5", headers={"X-MBX-APIKEY": value},
                              timeout=10)
        assert answer.status_code == 200, (value, answer.text)


def test_signature_over_query_and_body(signer):
    """Parameters split between query and form body, signed over query + body with no '&' between."""
    answer = signer.send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT",
                         f"timeInForce=GTC&quantity=0.001&price=10000&timestamp={int(time.time() * 1000)}", stamp=False)
    assert answer.status_code == 200, answer.text
    order = answer.json()
    assert order["status"] == "NEW" and Decimal(order["origQty"]) == Decimal("0.001")
    gone = signer.send("DELETE", "/api/v3/order", body=f"symbol=BTCUSDT&orderId={order['orderId']}"
                       f"&timestamp={int(time.time() * 1000)}", stamp=False)  # a DELETE with a form body
    assert gone.status_code == 200 and gone.json()["status"] == "CANCELED", gone.text


def test_connector_style_post_with_json_content_type_and_empty_body(signer):
    answer = signer.send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=10000",
                         headers={"Content-Type": "application/json;charset=utf-8"})
    assert answer.status_code == 200, answer.text
    signer.send("DELETE", "/api/v3/order", f"symbol=BTCUSDT&orderId={answer.json()['orderId']}")


def test_timestamp_in_microseconds_and_fractional_recv_window(signer):
    micro = f"timestamp={int(time.time() * 1_000_000)}&recvWindow=6000.346"
    answer = signer.send("GET", "/api/v3/account", micro, stamp=False)
    assert answer.status_code == 200, answer.text


def test_recv_window_over_60000(signer):
    status, code, _ = error_of(signer.send("GET", "/api/v3/account", "recvWindow=60001"))
    assert (status, code) == (400, -1130)


@pytest.mark.parametrize("path, query", [
    ("/api/v3/depth", "symbol=BTCUSDT&limit="),
    ("/api/v3/klines", "symbol=BTCUSDT&interval=1m&startTime="),
    ("/api/v3/ticker/24hr", "symbol=BTCUSDT&type="),
    ("/api/v3/exchangeInfo", "symbolStatus="),
])
def test_empty_parameter_is_refused(server, path, query):
    """Binance: `-1105 Parameter '%s' was empty.` (spec §1.5); an empty value is not an absent one."""
    status, code, msg = error_of(requests.get(f"{server.url}{path}?{query}", timeout=10))
    assert (status, code) == (400, -1105), (status, code, msg)


def test_empty_signed_parameter_is_refused(signer):
    status, code, msg = error_of(signer.send("GET", "/api/v3/account", "recvWindow="))
    assert (status, code) == (400, -1105), (status, code, msg)


@pytest.mark.parametrize("zone", ["abc", "25:00", "+15", "-13:00", "1:99"])
def test_klines_time_zone_out_of_range(server, zone):
    """timeZone ranges over -12:00 ... +14:00 (spec §3.2); anything else is refused."""
    answer = requests.get(f"{server.url}/api/v3/klines", params={"symbol": "BTCUSDT", "interval": "1m", "timeZone": zone},
                          timeout=10)
    status, code, msg = error_of(answer)
    assert status == 400 and code is not None and code < 0, (status, code, msg)


@pytest.mark.parametrize("quantity, price, msg", [
    ("0.000015", "100", "Filter failure: LOT_SIZE"),
    ("0.001", "100.005", "Filter failure: PRICE_FILTER"),
    ("0.0001", "100", "Filter failure: NOTIONAL"),
    ("0", "100", None),
])
def test_order_test_applies_the_filters(signer, quantity, price, msg):
    """POST /order/test: "same validation as /order (signature, params, filters)" (spec §3.3)."""
    query = f"symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity={quantity}&price={price}"
    real = error_of(signer.send("POST", "/api/v3/order", query))
    test = signer.send("POST", "/api/v3/order/test", query)
    assert test.status_code == 400, f"/order answers {real}, /order/test answers {test.status_code} {test.text}"
    assert error_of(test) == real
    if msg is not None:
        assert real == (400, -1013, msg)


def test_klines_time_zone_shifts_the_day(server, market, make_trader):
    """timeZone=8: daily bars open at 16:00 UTC (spec §3.2); startTime/endTime stay UTC."""
    seller = Signed(server.url, make_trader(**{market.base: "1"}).key("hmac"))
    buyer = Signed(server.url, make_trader(**{market.quote: "1000"}).key("hmac"))
    assert seller.send("POST", "/api/v3/order", f"symbol={market.symbol}&side=SELL&type=LIMIT&timeInForce=GTC"
                       "&quantity=0.1&price=100").status_code == 200
    assert buyer.send("POST", "/api/v3/order", f"symbol={market.symbol}&side=BUY&type=MARKET&quantity=0.1").status_code == 200
    utc = requests.get(f"{server.url}/api/v3/klines", params={"symbol": market.symbol, "interval": "1d"}, timeout=10).json()
    shifted = requests.get(f"{server.url}/api/v3/klines",
                           params={"symbol": market.symbol, "interval": "1d", "timeZone": "8"}, timeout=10).json()
    day, eight_hours = 86_400_000, 8 * 3_600_000
    assert len(utc) == 1 and utc[0][0] % day == 0, utc
    assert len(shifted) == 1 and shifted[0][0] % day == day - eight_hours, f"timeZone=8 bar opens at {shifted[0][0]}: {shifted}"
    assert shifted[0][6] == shifted[0][0] + day - 1
