"""Custody under SIGKILL: `solvent serve` is killed at random moments while deposits arrive on the
chain and withdrawals are requested, approved by nobody (under the threshold) and paid, with
`solvent chain` kept running throughout. After every restart, and once more when everything has
settled, what custody promises is checked against the server's wallet API and the chain's own RPC:

- no deposit credited twice, none lost: every transfer sent to an account's deposit address is
  in that account's history once, and is credited once it is confirmed;
- no withdrawal paid twice: the hot wallet sent at most one payment per withdrawal reference, and
  every acknowledged withdrawal id is still known after the restart;
- conservation, per account and in total: balance (free + locked, where a pending withdrawal is
  held) == credited deposits - confirmed withdrawals; on the chain the payees received exactly the
  confirmed withdrawals less their fee.

SOLVENT_CUSTODY_KILLS (default 12, under a minute) sets the number of kills; more by hand, with
SOLVENT_CUSTODY_SEED to vary the moments.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, List, Optional

import pytest
import requests

from chain_support import CONFIRMATIONS, Chain, wait_until
from conftest import RAISED_LIMITS, Key, SolventServer, solvent_binary
from signed_support import Signed

D = Decimal
KILLS = int(os.environ.get("SOLVENT_CUSTODY_KILLS", "12"))
SEED = int(os.environ.get("SOLVENT_CUSTODY_SEED", "1"))
ACCOUNTS = 3
FEE_UNITS = 1_000  # the BTC withdrawal fee in units (0.00001 BTC)
FEE = D(FEE_UNITS) / D(10**8)


@dataclass
class Customer:
    account: int
    key: Key
    address: str = ""
    deposits: Dict[str, D] = field(default_factory=dict)  # txid -> amount sent on the chain
    acknowledged: List[str] = field(default_factory=list)  # withdrawal ids the server answered


class Workload:
    """Deposits from the outside world, withdrawals through the API and blocks, from one thread,
    until stopped. A request cut by the kill has an unknown outcome; only answered ones count as
    acknowledged."""

    def __init__(self, server: SolventServer, chain: Chain, customers: List[Customer], rng: random.Random):
        self.server, self.chain, self.customers, self.rng = server, chain, customers, rng
        self.payees: List[str] = []
        self.stop = threading.Event()
        # Held through each step and by the checks, so a check never sees a transfer the workload
        # made but has not recorded yet.
        self.lock = threading.Lock()
        self.failure: Optional[BaseException] = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                with self.lock:
                    self.step(self.rng.choice(self.customers), self.rng.random())
                time.sleep(self.rng.uniform(0, 0.05))
        except BaseException as failure:  # reported by the test, not lost in the thread
            self.failure = failure

    def step(self, customer: Customer, roll: float) -> None:
        if roll < 0.4:
            amount = D(self.rng.randint(1, 50_000_000)) / D(10**8)
            txid = self.chain.call("BTC", "sendtoaddress", customer.address, amount, "", wallet="outside")
            customer.deposits[txid] = amount
        elif roll < 0.85:
            self.withdraw(customer)
        else:
            self.chain.mine("BTC", 1)

    def withdraw(self, customer: Customer) -> None:
        amount = D(self.rng.randint(FEE_UNITS + 1, 5_000_000)) / D(10**8)
        payee = self.chain.call("BTC", "getnewaddress", "payee", wallet="outside")
        self.payees.append(payee)
        try:
            answer = Signed(self.server.url, customer.key).send(
                "POST", "/sapi/v1/capital/withdraw/apply", f"coin=BTC&address={payee}&amount={amount}")
        except requests.RequestException:
            return  # cut by the kill: it may or may not have been journaled
        body = answer.json()
        if answer.status_code == 200:
            customer.acknowledged.append(body["id"])
        else:
            assert body.get("code") == -4026, body  # only "insufficient balance" is expected


def history(server: SolventServer, customer: Customer, path: str) -> list:
    answer = Signed(server.url, customer.key).send("GET", path, "coin=BTC&limit=1000")
    assert answer.status_code == 200, answer.text
    return answer.json()


def sent_payments(chain: Chain) -> Counter:
    """How many payments the hot wallet made per reference, from the chain's own listing."""
    listing = chain.call("BTC", "listsinceblock", wallet="hot")
    return Counter(entry.get("comment", "") for entry in listing["transactions"] if entry["category"] == "send")


def check(server: SolventServer, chain: Chain, customers: List[Customer], payees: Optional[List[str]] = None) -> None:
    """The promises above; the settled ones (everything credited, finished and paid) only when
    given the payees, once nothing is in flight."""
    settled = payees is not None
    payments = sent_payments(chain)
    assert all(count == 1 for reference, count in payments.items() if reference.startswith("withdrawal:")), payments
    confirmed_total = D(0)
    for customer in customers:
        deposits = history(server, customer, "/sapi/v1/capital/deposit/hisrec")
        seen = Counter(deposit["txId"] for deposit in deposits)
        assert all(count == 1 for count in seen.values()), f"a deposit listed twice: {seen}"
        assert set(seen) <= set(customer.deposits), "a deposit nobody sent"
        for deposit in deposits:
            assert D(deposit["amount"]) == customer.deposits[deposit["txId"]]
        withdrawals = history(server, customer, "/sapi/v1/capital/withdraw/history")
        known = {withdrawal["id"] for withdrawal in withdrawals}
        assert set(customer.acknowledged) <= known, f"acknowledged withdrawals lost: {set(customer.acknowledged) - known}"
        if not settled:
            continue
        assert set(seen) == set(customer.deposits), f"deposits never credited: {set(customer.deposits) - set(seen)}"
        assert all(deposit["status"] == 1 for deposit in deposits), deposits
        assert all(withdrawal["status"] in (5, 6) for withdrawal in withdrawals), withdrawals
        credited = sum((D(deposit["amount"]) for deposit in deposits), D(0))
        confirmed = [D(withdrawal["amount"]) for withdrawal in withdrawals if withdrawal["status"] == 6]
        confirmed_total += sum(confirmed, D(0)) - FEE * len(confirmed)
        balance = server.balances(customer.account).get("BTC", {"free": D(0), "locked": D(0)})
        assert balance["locked"] == 0, balance
        assert balance["free"] == credited - sum(confirmed, D(0)), (customer.account, balance, credited, confirmed)
        paid = {f"withdrawal:{int(withdrawal['id'], 16)}" for withdrawal in withdrawals if withdrawal["status"] == 6}
        assert paid <= set(payments), "a confirmed withdrawal the hot wallet never paid"
    if settled:
        received = sum((chain.call("BTC", "getreceivedbyaddress", payee, 1, wallet="outside") for payee in payees), D(0))
        assert received == confirmed_total, (received, confirmed_total)


def settled(server: SolventServer, chain: Chain, customers: List[Customer]) -> bool:
    """Whether every deposit is credited and every withdrawal finished; mines a block when not,
    so the next look finds more confirmations."""
    for customer in customers:
        deposits = history(server, customer, "/sapi/v1/capital/deposit/hisrec")
        withdrawals = history(server, customer, "/sapi/v1/capital/withdraw/history")
        if (len(deposits) < len(customer.deposits) or any(deposit["status"] != 1 for deposit in deposits)
                or any(withdrawal["status"] not in (5, 6) for withdrawal in withdrawals)):
            chain.mine("BTC", 1)
            return False
    return True


@pytest.fixture
def custody(tmp_path):
    chain = Chain(solvent_binary(), tmp_path / "data")
    # The histories weigh as on Binance (withdraw/history 18,000 a call): room for polling them.
    limits = {**RAISED_LIMITS["rateLimits"], "weightPerMinute": 100_000_000}
    server = SolventServer(solvent_binary(), tmp_path, settings={
        "custody": {"pollMilliseconds": 100, "withdrawalFees": {"BTC": FEE_UNITS}, "withdrawalLockSeconds": 0},
        "rateLimits": limits})
    server.start()
    try:
        server.add_asset("BTC")
        yield server, chain
    finally:
        if server.alive():
            server.stop()
        chain.stop()


def test_no_deposit_or_withdrawal_is_lost_or_doubled_across_kills(custody):
    server, chain = custody
    rng = random.Random(SEED)
    customers = []
    for _ in range(ACCOUNTS):
        account = server.create_account()
        answer = server.admin("create-key", "--account", str(account), "--type", "HMAC",
                              "--permissions", "read,trade,withdraw", "--ip-allow-list", "127.0.0.1,::1")
        customer = Customer(account, Key("hmac", api_key=answer["apiKey"], secret=answer["secret"]))
        customer.address = deposit_address(server, customer)
        customers.append(customer)
    workload = Workload(server, chain, customers, rng)
    worker = threading.Thread(target=workload.run, daemon=True)
    worker.start()
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.3, 2.0))
            server.kill()
            if rng.random() < 0.5:
                chain.mine("BTC", 1)  # blocks arrive while the exchange is down
            server.start()
            with workload.lock:
                check(server, chain, customers)
    finally:
        workload.stop.set()
        worker.join(timeout=60)
    assert workload.failure is None, f"the workload failed: {workload.failure!r}"
    chain.mine("BTC", CONFIRMATIONS)
    wait_until("every deposit credited and every withdrawal finished", lambda: settled(server, chain, customers))
    check(server, chain, customers, payees=workload.payees)
    deposits = sum(len(customer.deposits) for customer in customers)
    acknowledged = sum(len(customer.acknowledged) for customer in customers)
    print(f"custody crash test: {KILLS} kills, {deposits} deposits, {acknowledged} withdrawals acknowledged, "
          f"{len(sent_payments(chain))} payments on the chain")
    assert deposits > 0 and acknowledged > 0


def deposit_address(server: SolventServer, customer: Customer) -> str:
    answer = Signed(server.url, customer.key).send("GET", "/sapi/v1/capital/deposit/address", "coin=BTC")
    assert answer.status_code == 200, answer.text
    return answer.json()["address"]
