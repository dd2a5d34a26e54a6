"""Smoke test of `solvent demo`: it serves the real exchange, its bots fill the books and trade
through the API, the printed key trades, the printed page login signs in and a simulated deposit
from the demo's own chain simulator is credited to it after its confirmations (while a withdrawal
from the session without a second factor is refused), a second run resumes the same exchange and
--reset starts over.   Usage: python3 Tests/demo/smoke.py path/to/solvent"""
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
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

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
            elif words[:2] == ["Page", "login"]:
                banner["login"], banner["password"] = words[2], words[4]
        self.url, self.key, self.secret = banner["url"], banner["key"], banner["secret"]
        self.login, self.password = banner.get("login"), banner.get("password")
        self.cookie, self.csrf = None, None

    def sign_in(self):
        """The page's sign-in with the printed login: its session cookie and CSRF token."""
        form = urllib.parse.urlencode({"login": self.login, "password": self.password}).encode()
        request = urllib.request.Request(f"{self.url}/sapi/v1/solvent/user/login", data=form, method="POST",
                                         headers={"X-Solvent-CSRF": "1",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            self.cookie = answer.headers["Set-Cookie"].split(";")[0]
            self.csrf = json.loads(answer.read())["csrfToken"]

    def session(self, method, path, **params):
        """A request as the signed-in page makes it; a refusal is returned as its JSON."""
        request = urllib.request.Request(f"{self.url}{path}?{urllib.parse.urlencode(params)}", method=method,
                                         headers={"Cookie": self.cookie, "X-Solvent-CSRF": self.csrf})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())
        except urllib.error.HTTPError as refusal:
            return json.loads(refusal.read())

    def free(self, asset):
        balances = self.session("GET", "/api/v3/account")["balances"]
        return next(Decimal(b["free"]) for b in balances if b["asset"] == asset)

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
    deposit_and_withdraw(demo, data)
    last = {symbol: demo.last_trade_id(symbol) for symbol in SYMBOLS}
    demo.stop()
    return demo.key, last


def deposit_and_withdraw(demo, data):
    """The printed page login, the demo's chain and its simulated deposit, end to end."""
    assert demo.login, "the demo printed no page login"
    with open(data + "/chain.url") as urls:
        endpoints = urls.read()
    assert all(symbol in endpoints for symbol in ("BTC", "ETH", "USDT")), endpoints
    demo.sign_in()
    before = demo.free("BTC")
    offer = demo.session("GET", "/sapi/v1/solvent/demo/deposit")
    assert offer.get("BTC") == "1", offer
    address = demo.session("GET", "/sapi/v1/capital/deposit/address", coin="BTC")["address"]
    sent = demo.session("POST", "/sapi/v1/solvent/demo/deposit", coin="BTC", address=address)
    assert sent.get("amount") == "1.00000000" and sent.get("txId"), sent
    until("the simulated deposit is credited", lambda: demo.free("BTC") == before + 1, seconds=30)
    credited = demo.session("GET", "/sapi/v1/capital/deposit/hisrec", coin="BTC")
    assert [(d["txId"], d["status"]) for d in credited] == [(sent["txId"], 1)], credited
    # An address outside the exchange's hot wallet is no target of the demo's outside world.
    refused = demo.session("POST", "/sapi/v1/solvent/demo/deposit", coin="BTC", address="bcrt1qnotours")
    assert refused.get("code") == -1130, refused
    # From the session a withdrawal needs the second factor, which the demo's user has not set up.
    refused = demo.session("POST", "/sapi/v1/capital/withdraw/apply", coin="BTC", address=address, amount="0.1")
    assert refused.get("code") == -9210, refused


def reserves_cover_liabilities(binary, data):
    """An epoch published on the running demo: the exchange holds what it owes in every asset
    (its float on the chains, a configured figure for SOL, which no chain carries)."""
    published = subprocess.run([binary, "epoch", "--data", data], capture_output=True, text=True, timeout=120)
    assert published.returncode == 0, published.stderr
    header = json.loads(published.stdout)
    short = [a["symbol"] for a in header["assets"] if Decimal(a["reserves"]) < Decimal(a["liabilities"])]
    assert not short, f"reserves below liabilities in {short}: {header['assets']}"


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
    reserves_cover_liabilities(binary, data)
    again.stop()
    fresh = Demo(binary, data, "--reset")
    assert fresh.key != key, "--reset did not start over (the same key came back)"
    fresh.stop()
    print(f"demo smoke: books filled, trades through the API on {', '.join(SYMBOLS)}; a simulated deposit credited to the page login; resumed with reserves covering liabilities; reset")


if __name__ == "__main__":
    main(sys.argv[1])
