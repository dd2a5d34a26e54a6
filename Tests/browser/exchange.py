"""A real `solvent serve` on loopback for the browser tests: started, set up with `solvent admin`
like the README shows, restarted, and called over its REST API (signed like any client)."""
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def public(url, path, **params):
    """A public GET's body exactly as served."""
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{url}{path}{query}", timeout=10) as answer:
        return answer.read().decode()


class Exchange:
    def __init__(self, binary, data):
        self.binary = binary
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = open(os.path.join(os.path.dirname(data), "serve.log"), "ab")

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--data", self.data, "--port", str(self.port), "--host", "127.0.0.1"],
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"solvent serve exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/ready", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError("solvent serve did not become ready in 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def admin(self, *args):
        done = subprocess.run([self.binary, "admin", *args, "--data", self.data],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"solvent admin {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout.strip()

    def epoch(self):
        done = subprocess.run([self.binary, "epoch", "--data", self.data], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"solvent epoch: {done.stderr.strip()}")

    def public(self, path, **params):
        return public(self.url, path, **params)

    def account_with_key(self, deposits, permissions="read,trade,proof"):
        """An account with `deposits` and a key; the key may fetch the proof secret, as the
        page's "Verify my assets" needs."""
        account = json.loads(self.admin("create-account"))["account"]
        key = json.loads(self.admin("create-key", "--account", str(account), "--permissions", permissions))
        for asset, amount in deposits.items():
            self.admin("deposit", "--account", str(account), "--asset", asset, "--amount", amount)
        api_key = next(v for k, v in key.items() if k.lower() in ("apikey", "api_key", "key"))
        secret = next(v for k, v in key.items() if "secret" in k.lower())
        return Client(self.url, api_key, secret, account)


class Client:
    """Signed REST calls, parameters in the query as binance-connector sends them."""

    def __init__(self, url, api_key, secret, account):
        self.url, self.api_key, self.secret, self.account = url, api_key, secret, account

    def call(self, method, path, **params):
        return json.loads(self.call_text(method, path, **params))

    def call_text(self, method, path, **params):
        """The answer's body exactly as served (the proof verifier reads every byte)."""
        params["timestamp"] = int(time.time() * 1000)
        query = urllib.parse.urlencode(params)
        signature = hmac.new(self.secret.encode(), query.encode(), hashlib.sha256).hexdigest()
        request = urllib.request.Request(f"{self.url}{path}?{query}&signature={signature}", method=method,
                                         headers={"X-MBX-APIKEY": self.api_key})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.read().decode()
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path} {params}: {error.code} {error.read().decode()}") from None

    def order(self, side, price, quantity, type_="LIMIT", symbol="BTCUSDT"):
        params = dict(symbol=symbol, side=side, type=type_, quantity=quantity)
        if type_ == "LIMIT":
            params.update(price=price, timeInForce="GTC")
        return self.call("POST", "/api/v3/order", **params)

    def balances(self):
        answer = self.call("GET", "/api/v3/account")
        return {b["asset"]: (b["free"], b["locked"]) for b in answer["balances"]}
