"""Fixtures of the conformance suite: one real `solvent serve` per pytest session, listed assets
and markets, and funded accounts with HMAC and Ed25519 keys, all made through `solvent admin`.

The binary comes from $SOLVENT_BIN (scripts/conformance sets it), else
<repo>/.build-conformance/debug/solvent.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import re
import signal
import string
import subprocess
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

REPO = Path(__file__).resolve().parents[2]
READY = re.compile(r"solvent: serving on (http://\S+)")
STARTUP_SECONDS = 120
# The production limiter stays on, every limit enforced, with room for one pytest session's
# traffic from one address (thousands of malformed requests, hundreds of stream connections).
RAISED_LIMITS = {
    "rateLimits": {"enforced": True, "weightPerMinute": 1_000_000, "rawRequestsPerFiveMinutes": 10_000_000,
                   "ordersPerTenSeconds": 100_000, "ordersPerDay": 10_000_000, "rejectedPerTenSeconds": 100_000},
    "streams": {"connectionsPerIPPerFiveMinutes": 100_000},
}
STOP_SECONDS = 60

# Every listed asset has 8 decimals; fees are 10 bps maker and taker (the server's defaults).
ASSET_SCALE = 8
FEE_RATE = Decimal("0.001")

# The session's markets. Trading flows each get a fresh market of their own (`market` fixture) so
# their books, tickers and klines hold only their own trades.
TICK = Decimal("0.01")
STEP = Decimal("0.00001")
MIN_QTY = Decimal("0.00001")
MAX_QTY = Decimal("9000")
MIN_NOTIONAL = Decimal("5")


def solvent_binary() -> Path:
    configured = os.environ.get("SOLVENT_BIN")
    path = Path(configured) if configured else REPO / ".build-conformance" / "debug" / "solvent"
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.exit(f"no solvent binary at {path}: run scripts/conformance or set SOLVENT_BIN", returncode=2)
    return path


class AdminError(Exception):
    pass


@dataclass
class Market:
    symbol: str
    base: str
    quote: str
    tick: Decimal = TICK
    step: Decimal = STEP
    min_qty: Decimal = MIN_QTY
    max_qty: Decimal = MAX_QTY
    min_notional: Decimal = MIN_NOTIONAL

    @property
    def unified(self) -> str:
        """ccxt's name for it."""
        return f"{self.base}/{self.quote}"


@dataclass
class Key:
    kind: str  # "hmac" | "ed25519"
    api_key: str
    secret: Optional[str] = None  # HMAC secret
    private_key_pem: Optional[str] = None  # Ed25519 PKCS#8 PEM


@dataclass
class Trader:
    account: int
    keys: Dict[str, Key] = field(default_factory=dict)

    def key(self, kind: str) -> Key:
        return self.keys[kind]


class SolventServer:
    """A running `solvent serve` and the admin CLI aimed at it."""

    def __init__(self, binary: Path, workdir: Path, settings: Optional[Dict[str, Any]] = None):
        self.binary = binary
        self.workdir = workdir
        # Configuration sections beside the raised limits (e.g. "custody").
        self.settings = {**RAISED_LIMITS, **(settings or {})}
        self.data = workdir / "data"
        self.stderr_path = workdir / "serve.stderr.log"
        self.url = ""
        self.proc: Optional[subprocess.Popen] = None
        self._stdout_lines: "queue.Queue[str]" = queue.Queue()
        self._names = (
            "".join(letters) for n in itertools.count(2) for letters in itertools.product(string.ascii_uppercase, repeat=n)
        )

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        # Appended to, so a restarted server's log follows the one before.
        self._stderr = open(self.stderr_path, "ab")
        config = self.workdir / "serve.json"
        config.write_text(json.dumps(self.settings))
        self.proc = subprocess.Popen(
            [str(self.binary), "serve", "--data", str(self.data), "--host", "127.0.0.1", "--port", "0", "--config", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        threading.Thread(target=self._pump_stdout, daemon=True).start()
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.proc.kill()
                raise RuntimeError(f"solvent serve printed no 'serving on' line in {STARTUP_SECONDS}s\n{self.stderr_tail()}")
            try:
                line = self._stdout_lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"solvent serve exited with {self.proc.returncode} before it was ready\n{self.stderr_tail()}")
                continue
            match = READY.search(line)
            if match:
                self.url = match.group(1).rstrip("/")
                return

    def _pump_stdout(self) -> None:
        assert self.proc and self.proc.stdout
        for line in self.proc.stdout:
            self._stdout_lines.put(line)

    def stop(self) -> int:
        """SIGTERM, then the exit status (killed after STOP_SECONDS)."""
        assert self.proc
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"solvent serve did not stop within {STOP_SECONDS}s of SIGTERM\n{self.stderr_tail()}")
        self._stderr.close()
        return self.proc.returncode

    def kill(self) -> None:
        """SIGKILL: nothing flushed, nothing closed; the crash tests' way to stop it."""
        assert self.proc
        self.proc.kill()
        self.proc.wait()
        self._stderr.close()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_lines_at(self, levels) -> List[str]:
        """The server's JSON log lines at any of `levels`."""
        found = []
        try:
            text = self.stderr_path.read_text(errors="replace")
        except OSError:
            return found
        for line in text.splitlines():
            try:
                level = json.loads(line).get("level")
            except (ValueError, AttributeError):
                continue
            if level in levels:
                found.append(line)
        return found

    def stderr_tail(self, lines: int = 40) -> str:
        try:
            text = self.stderr_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "server stderr (tail):\n" + "\n".join(text[-lines:])

    # -- admin CLI ---------------------------------------------------------------------------

    def admin(self, command: str, *args: str) -> Any:
        argv = [str(self.binary), "admin", command, "--data", str(self.data), *args]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise AdminError(
                f"`solvent admin {command} {' '.join(args)}` exited {done.returncode}\n"
                f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
            )
        out = done.stdout.strip()
        try:
            return json.loads(out) if out else None
        except json.JSONDecodeError:
            raise AdminError(f"`solvent admin {command}` printed non-JSON: {out!r}")

    def add_asset(self, name: str, scale: int = ASSET_SCALE) -> None:
        self.admin("add-asset", "--name", name, "--scale", str(scale))

    def add_market(self, market: Market) -> None:
        self.admin(
            "add-market", "--symbol", market.symbol, "--base", market.base, "--quote", market.quote,
            "--tick-size", str(market.tick), "--step-size", str(market.step),
            "--min-qty", str(market.min_qty), "--max-qty", str(market.max_qty),
            "--min-notional", str(market.min_notional),
        )

    def new_market(self, quote: str = "USDT") -> Market:
        """A freshly listed asset and its market against `quote`."""
        base = "Z" + next(self._names)
        self.add_asset(base)
        market = Market(symbol=base + quote, base=base, quote=quote)
        self.add_market(market)
        return market

    def create_account(self) -> int:
        answer = self.admin("create-account")
        return int(answer["account"])

    def deposit(self, account: int, asset: str, amount: Decimal | str) -> None:
        self.admin("deposit", "--account", str(account), "--asset", asset, "--amount", str(amount))

    def create_hmac_key(self, account: int, permissions: str = "read,trade") -> Key:
        answer = self.admin("create-key", "--account", str(account), "--type", "HMAC", "--permissions", permissions)
        return Key("hmac", api_key=answer["apiKey"], secret=answer["secret"])

    def create_ed25519_key(self, account: int, permissions: str = "read,trade") -> Key:
        private = Ed25519PrivateKey.generate()
        private_pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        public_pem = private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()
        pem_file = self.workdir / f"ed25519-{account}-{time.monotonic_ns()}.pub.pem"
        pem_file.write_text(public_pem)
        answer = self.admin(
            "create-key", "--account", str(account), "--type", "ED25519", "--public-key", str(pem_file),
            "--permissions", permissions,
        )
        return Key("ed25519", api_key=answer["apiKey"], private_key_pem=private_pem)

    def balances(self, account: int) -> Dict[str, Dict[str, Decimal]]:
        """{asset: {"free": Decimal, "locked": Decimal}} as the admin CLI reports it."""
        rows = self.admin("balances", "--account", str(account))
        return {row["asset"]: {"free": Decimal(row["free"]), "locked": Decimal(row["locked"])} for row in rows}


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> SolventServer:
    instance = SolventServer(solvent_binary(), tmp_path_factory.mktemp("solvent"))
    instance.start()
    try:
        for asset in ("BTC", "ETH", "USDT"):
            instance.add_asset(asset)
        instance.add_market(Market("BTCUSDT", "BTC", "USDT"))
        instance.add_market(Market("ETHUSDT", "ETH", "USDT", step=Decimal("0.0001"), min_qty=Decimal("0.0001")))
    except Exception:
        instance.stop()
        raise
    yield instance
    assert instance.alive(), f"solvent serve died during the session (status {instance.proc.returncode})\n{instance.stderr_tail()}"
    status = instance.stop()
    assert status == 0, f"solvent serve exited {status} after SIGTERM (expected 0)\n{instance.stderr_tail()}"
    alarming = instance.log_lines_at(("error", "critical"))
    assert not alarming, "solvent serve logged errors during the session:\n" + "\n".join(alarming[:20])


@pytest.fixture
def market(server) -> Market:
    """A market of its own for one test."""
    return server.new_market()


@pytest.fixture
def make_trader(server):
    """make_trader(USDT="1000", BTC="1") -> Trader: a new account, funded, with an HMAC and an Ed25519 key."""

    def make(**deposits: str) -> Trader:
        account = server.create_account()
        for asset, amount in deposits.items():
            server.deposit(account, asset, amount)
        trader = Trader(account)
        trader.keys["hmac"] = server.create_hmac_key(account)
        trader.keys["ed25519"] = server.create_ed25519_key(account)
        return trader

    return make


@pytest.fixture(params=["hmac", "ed25519"])
def key_type(request) -> str:
    return request.param


@pytest.fixture(autouse=True)
def _server_still_up(request):
    """A test that killed the server says so, with the server's last words."""
    yield
    if "server" in request.fixturenames:
        instance = request.getfixturevalue("server")
        if not instance.alive():
            pytest.fail(f"solvent serve is no longer running after this test\n{instance.stderr_tail()}")


def ed25519_pem() -> str:
    """An unregistered Ed25519 private key (to sign with the wrong key)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


# -- the wire log: the last requests and responses of a failing test are printed with it ----------
# Every client here (ccxt sync, python-binance, binance-sdk-spot, binance-connector, the fuzz test's
# `requests`) sends through requests' HTTPAdapter, so one hook there sees everything.

WIRE: List[str] = []
WIRE_KEEP = 12


def _install_wire_log() -> None:
    try:
        from requests.adapters import HTTPAdapter
    except ImportError:  # pragma: no cover
        return
    if getattr(HTTPAdapter.send, "_conformance_wire", False):
        return
    original = HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        body = request.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        line = f"{request.method} {request.url}" + (f"\n    body: {body[:600]}" if body else "")
        try:
            response = original(self, request, *args, **kwargs)
        except Exception as error:
            WIRE.append(f"{line}\n    -> {type(error).__name__}: {error}")
            del WIRE[:-WIRE_KEEP]
            raise
        WIRE.append(f"{line}\n    -> {response.status_code} {response.content[:800].decode('utf-8', 'replace')}")
        del WIRE[:-WIRE_KEEP]
        return response

    send._conformance_wire = True
    HTTPAdapter.send = send


_install_wire_log()


@pytest.fixture(autouse=True)
def _clear_wire_log():
    WIRE.clear()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and WIRE:
        report.sections.append(("wire: last requests and responses", "\n".join(WIRE)))
