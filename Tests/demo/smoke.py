"""Smoke test of `solvent demo`: it serves the real exchange, its bots fill the books and trade
through the API, the printed key trades, a second run resumes the same exchange and --reset
starts over.   Usage: python3 Tests/demo/smoke.py path/to/solvent"""
import atexit
import hashlib
import hmac
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SYMBOLS = ["BTCUSDT", "ETHUSDT", "ETHBTC", "SOLUSDT"]


class Demo:
    def __init__(self, binary, data, *flags):
        self.process = subprocess.Popen([binary, "demo", "--data", data, "--port", "0", "--seed", "7", *flags],
                                        stdout=subprocess.PIPE, text=True)
        atexit.register(lambda: self.process.poll() is None and self.process.kill())  # a failed check leaves none running
        banner = {}
        deadline = time.time() + 60
        while time.time() < deadline and "secret" not in banner:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit(f"solvent demo exited ({self.process.wait()}) before printing its URL and key")
            words = line.split()
            if "open" in words:
                banner["url"] = words[words.index("open") + 1].rstrip("/")
            elif words[:2] == ["API", "key"]:
                banner["key"] = words[2]
            elif words[:2] == ["API", "secret"]:
                banner["secret"] = words[2]
        self.url, self.key, self.secret = banner["url"], banner["key"], banner["secret"]

    def get(self, path, **params):
        with urllib.request.urlopen(f"{self.url}{path}?{urllib.parse.urlencode(params)}", timeout=10) as answer:
            return json.loads(answer.read())

    def signed(self, method, path, **params):
        params["timestamp"] = int(time.time() * 1000)
        query = urllib.parse.urlencode(params)
        signature = hmac.new(self.secret.encode(), query.encode(), hashlib.sha256).hexdigest()
        request = urllib.request.Request(f"{self.url}{path}?{query}&signature={signature}", method=method,
                                         headers={"X-MBX-APIKEY": self.key})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def last_trade_id(self, symbol):
        trades = self.get("/api/v3/trades", symbol=symbol, limit=1)
        return trades[-1]["id"] if trades else 0

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=30)
        assert status == 0, f"solvent demo exited with {status} on SIGTERM"


def until(what, check, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise SystemExit(f"demo smoke: {what} within {seconds} s: no")


def first_run(binary, data):
    demo = Demo(binary, data)
    with urllib.request.urlopen(demo.url + "/", timeout=10) as page:
        assert b"<html" in page.read().lower(), "the web page is not served at the printed URL"
    for symbol in SYMBOLS:
        until(f"{symbol} has bids and asks", lambda: all(demo.get("/api/v3/depth", symbol=symbol, limit=5)[side]
                                                         for side in ("bids", "asks")))
    start = {symbol: demo.last_trade_id(symbol) for symbol in SYMBOLS}
    until("new trades on every market", lambda: all(demo.last_trade_id(s) > start[s] for s in SYMBOLS), seconds=40)
    # The printed key is a working key: a resting order shows in its open orders and cancels.
    bid = demo.get("/api/v3/depth", symbol="SOLUSDT", limit=5)["bids"][0][0]
    low = f"{float(bid) * 0.5:.2f}"  # far below the book: it rests
    order = demo.signed("POST", "/api/v3/order", symbol="SOLUSDT", side="BUY", type="LIMIT", timeInForce="GTC",
                        price=low, quantity="1.000")
    assert [o["orderId"] for o in demo.signed("GET", "/api/v3/openOrders", symbol="SOLUSDT")] == [order["orderId"]]
    demo.signed("DELETE", "/api/v3/order", symbol="SOLUSDT", orderId=order["orderId"])
    last = {symbol: demo.last_trade_id(symbol) for symbol in SYMBOLS}
    demo.stop()
    return demo.key, last


def main(binary):
    work = tempfile.mkdtemp(prefix="solvent-demo-smoke-")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    data = work + "/demo"
    key, last = first_run(binary, data)
    again = Demo(binary, data)
    assert again.key == key, "a second run did not resume with the same key"
    assert all(again.last_trade_id(s) >= last[s] for s in SYMBOLS), "a second run lost trades"
    until("trading resumes", lambda: again.last_trade_id("BTCUSDT") > last["BTCUSDT"] or
          again.last_trade_id("ETHUSDT") > last["ETHUSDT"], seconds=30)
    again.stop()
    fresh = Demo(binary, data, "--reset")
    assert fresh.key != key, "--reset did not start over (the same key came back)"
    fresh.stop()
    print(f"demo smoke: books filled, trades through the API on {', '.join(SYMBOLS)}; resumed; reset")


if __name__ == "__main__":
    main(sys.argv[1])
