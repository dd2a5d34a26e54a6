"""`solvent chain` for the custody tests: its process, calls to its RPC (the outside world's
wallet, mining), and waiting for custody to catch up."""

from __future__ import annotations

import base64
import json
import subprocess
import time
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any

D = Decimal
CONFIRMATIONS = 2  # the server's default custody setting
WAIT_SECONDS = 60


class Chain:
    """`solvent chain` and calls to its RPC (the outside world's wallet, mining)."""

    def __init__(self, binary: Path, data: Path):
        data.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([str(binary), "chain", "--data", str(data), "--block-seconds", "0"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while not (data / "chain.url").exists():
            assert self.proc.poll() is None, f"solvent chain exited: {self.proc.stderr.read().decode()}"
            assert time.monotonic() < deadline, "solvent chain wrote no chain.url"
            time.sleep(0.1)
        self.urls = dict(line.split(" ") for line in (data / "chain.url").read_text().splitlines())
        self.auth = base64.b64encode((data / "chain.cookie").read_bytes()).decode()
        self._id = 0

    def call(self, symbol: str, method: str, *params: Any, wallet: str = "") -> Any:
        self._id += 1
        body = self.request_body(method, params)
        path = f"/wallet/{wallet}" if wallet else "/"
        request = urllib.request.Request(self.urls[symbol] + path, data=body,
                                         headers={"Authorization": "Basic " + self.auth})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.loads(response.read(), parse_float=D)
        except urllib.error.HTTPError as failure:  # bitcoind answers an RPC error with HTTP 500 and a JSON body
            answer = json.loads(failure.read(), parse_float=D)
        assert answer["error"] is None, (method, params, answer)
        return answer["result"]

    def request_body(self, method: str, params: tuple) -> bytes:
        """The JSON-RPC request; a Decimal goes as an exact JSON number in fixed notation (a float
        would print 2.1e-05, which the chain refuses, as it refuses any inexact amount)."""
        numbers = {f"\u0000{at}": format(value, "f") for at, value in enumerate(params) if isinstance(value, Decimal)}
        plain = [f"\u0000{at}" if isinstance(value, Decimal) else value for at, value in enumerate(params)]
        text = json.dumps({"jsonrpc": "1.0", "id": self._id, "method": method, "params": plain})
        for placeholder, number in numbers.items():
            text = text.replace(json.dumps(placeholder), number)
        return text.encode()

    def mine(self, symbol: str, blocks: int) -> None:
        miner = self.call(symbol, "getnewaddress", "miner", wallet="outside")
        self.call(symbol, "generatetoaddress", blocks, miner)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def wait_until(what: str, condition) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
