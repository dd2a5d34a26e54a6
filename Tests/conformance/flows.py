"""What every client must see: one trading story with its expected values, computed in Decimal.

The three clients that hand back Binance's own JSON (python-binance, binance-sdk-spot,
binance-connector) run `raw_trading_flow` through a small adapter over their own methods (`RawAPI`);
ccxt, which hands back unified structures, tells the same story in test_ccxt.py against the same
`Story` numbers.

The story, on a fresh market BASE/USDT (tick 0.01, step 0.00001), maker M and taker T:
  M: LIMIT SELL 0.5 @ 100.37 (S1), LIMIT SELL 0.3 @ 101.13 (S2), LIMIT BUY 0.2 @ 95.05 (B1)
  T: LIMIT BUY 0.12345 @ 100.37 (T1)  -> FILLED; S1 PARTIALLY_FILLED
  T: LIMIT BUY 0.5 @ 100.50 (T2)      -> PARTIALLY_FILLED 0.37655 (S1 FILLED), rests 0.12345
  T: MARKET BUY quantity 0.1 (T3)     -> FILLED at 101.13
  T: MARKET BUY quoteOrderQty 15 (T4) -> FILLED 0.14832 at 101.13 (15 / 101.13 rounded down to the step)
  M: MARKET SELL quantity 0.06 (M1)   -> FILLED against T2 at 100.50 (T is maker of that trade)
  T: cancel T2                         -> CANCELED, executed 0.43655
  M: cancel all                        -> B1 and S2 CANCELED
Fees: 10 bps of what each side receives, rounded down to 8 decimals.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from conftest import ASSET_SCALE, FEE_RATE, Key, Market, ed25519_pem

D = Decimal
UNIT = D(1).scaleb(-ASSET_SCALE)


def dec(value: Any) -> Decimal:
    """A decimal the server sent as a JSON string (never a float, never exponent notation)."""
    assert isinstance(value, str), f"expected a decimal string, got {value!r} ({type(value).__name__})"
    assert "e" not in value.lower(), f"exponent notation in {value!r}"
    return Decimal(value)


def fmt(value: Decimal) -> str:
    """A plain decimal string for a request (str(Decimal) may say '1E-9')."""
    return format(value, "f")


def fee(received: Decimal) -> Decimal:
    """10 bps of the amount received, rounded down to the asset's smallest unit."""
    return (received * FEE_RATE).quantize(UNIT, rounding=ROUND_DOWN)


def floor_to(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_DOWN) * step


def levels(rows: Iterable[Sequence[Any]]) -> List[Tuple[Decimal, Decimal]]:
    return [(dec(price), dec(qty)) for price, qty in rows]


@dataclass(frozen=True)
class Fill:
    price: Decimal
    qty: Decimal
    buyer: str  # "maker" | "taker": which of the story's two accounts
    seller: str
    aggressor: str  # the account whose order took liquidity

    @property
    def quote(self) -> Decimal:
        return self.price * self.qty


class Ledger:
    """Expected balances from deposits and fills."""

    def __init__(self, base: str, quote: str):
        self.base, self.quote = base, quote
        self.free: Dict[str, Dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        self.fills: List[Fill] = []

    def deposit(self, who: str, asset: str, amount: Decimal) -> None:
        self.free[who][asset] += amount

    def fill(self, price: Decimal, qty: Decimal, buyer: str, seller: str, aggressor: str) -> Fill:
        f = Fill(price, qty, buyer, seller, aggressor)
        self.free[buyer][self.base] += qty - fee(qty)
        self.free[buyer][self.quote] -= f.quote
        self.free[seller][self.base] -= qty
        self.free[seller][self.quote] += f.quote - fee(f.quote)
        self.fills.append(f)
        return f

    def balance(self, who: str, asset: str) -> Decimal:
        return self.free[who][asset]


class Story:
    """The numbers of the story (see the module docstring)."""

    MAKER_BASE = D("10")
    MAKER_QUOTE = D("10000")
    TAKER_QUOTE = D("10000")

    S1 = (D("100.37"), D("0.5"))
    S2 = (D("101.13"), D("0.3"))
    B1 = (D("95.05"), D("0.2"))
    T1 = (D("100.37"), D("0.12345"))
    T2 = (D("100.50"), D("0.5"))
    T3_QTY = D("0.1")
    T4_QUOTE = D("15")
    M1_QTY = D("0.06")

    T2_FIRST = S1[1] - T1[1]  # 0.37655 of T2 fills against the rest of S1
    T4_QTY = floor_to(T4_QUOTE / S2[0], D("0.00001"))  # 0.14832
    T2_EXECUTED = T2_FIRST + M1_QTY
    S2_EXECUTED = T3_QTY + T4_QTY

    @classmethod
    def ledger(cls, market: Market) -> Ledger:
        ledger = Ledger(market.base, market.quote)
        ledger.deposit("maker", market.base, cls.MAKER_BASE)
        ledger.deposit("maker", market.quote, cls.MAKER_QUOTE)
        ledger.deposit("taker", market.quote, cls.TAKER_QUOTE)
        return ledger


# -- assertions on Binance JSON --------------------------------------------------------------------


def check_order(order: Dict[str, Any], *, symbol: str, side: str, type: str, status: str, orig_qty: Decimal,
                executed: Decimal, cum_quote: Decimal, price: Optional[Decimal] = None,
                order_id: Optional[int] = None) -> None:
    where = f"order {order.get('orderId')} ({side} {type})"
    assert order["symbol"] == symbol, where
    if order_id is not None:
        assert order["orderId"] == order_id, where
    assert isinstance(order["orderId"], int), where
    assert order["side"] == side, where
    assert order["type"] == type, where
    assert order["status"] == status, f"{where}: status {order['status']}, expected {status}"
    assert dec(order["origQty"]) == orig_qty, f"{where}: origQty {order['origQty']}, expected {orig_qty}"
    assert dec(order["executedQty"]) == executed, f"{where}: executedQty {order['executedQty']}, expected {executed}"
    assert dec(order["cummulativeQuoteQty"]) == cum_quote, (
        f"{where}: cummulativeQuoteQty {order['cummulativeQuoteQty']}, expected {cum_quote}")
    if price is not None:
        assert dec(order["price"]) == price, f"{where}: price {order['price']}, expected {price}"
    assert order.get("orderListId", -1) == -1, where
    for forbidden in ("code", "positionSide", "cumQuote"):
        assert forbidden not in order, f"{where}: has {forbidden!r}"


def check_fills(fills: List[Dict[str, Any]], expected: List[Fill], buyer_side: bool, market: Market) -> None:
    """`fills` of a FULL response, for the account that is the buyer (or the seller) of all of them."""
    assert len(fills) == len(expected), f"fills {fills}, expected {expected}"
    for got, want in zip(fills, expected):
        assert dec(got["price"]) == want.price, got
        assert dec(got["qty"]) == want.qty, got
        if buyer_side:
            assert dec(got["commission"]) == fee(want.qty), f"commission {got['commission']}, expected {fee(want.qty)}"
            assert got["commissionAsset"] == market.base, got
        else:
            assert dec(got["commission"]) == fee(want.quote), f"commission {got['commission']}, expected {fee(want.quote)}"
            assert got["commissionAsset"] == market.quote, got
        assert isinstance(got["tradeId"], int), got


def check_my_trades(trades: List[Dict[str, Any]], who: str, ledger: Ledger, market: Market,
                    order_ids: Dict[Fill, int]) -> None:
    mine = [f for f in ledger.fills if who in (f.buyer, f.seller)]
    trades = sorted(trades, key=lambda t: t["id"])
    assert len(trades) == len(mine), f"{who}: {len(trades)} trades, expected {len(mine)}: {trades}"
    for got, want in zip(trades, mine):
        is_buyer = want.buyer == who
        assert got["symbol"] == market.symbol
        assert dec(got["price"]) == want.price, got
        assert dec(got["qty"]) == want.qty, got
        assert dec(got["quoteQty"]) == want.quote, got
        assert got["isBuyer"] is is_buyer, got
        assert got["isMaker"] is (want.aggressor != who), got
        if is_buyer:
            assert dec(got["commission"]) == fee(want.qty), f"{who} commission {got['commission']}, expected {fee(want.qty)}"
            assert got["commissionAsset"] == market.base, got
        else:
            assert dec(got["commission"]) == fee(want.quote), f"{who} commission {got['commission']}, expected {fee(want.quote)}"
            assert got["commissionAsset"] == market.quote, got
        assert got["orderId"] == order_ids[(want, who)], got
        assert isinstance(got["time"], int) and isinstance(got["id"], int), got


def check_balances(account: Dict[str, Any], expected: Dict[str, Decimal], locked: Optional[Dict[str, Decimal]] = None,
                   who: str = "") -> None:
    balances = {b["asset"]: b for b in account["balances"]}
    for asset, free in expected.items():
        row = balances.get(asset)
        assert row is not None, f"{who}: no {asset} in balances {account['balances']}"
        want_locked = (locked or {}).get(asset, D(0))
        assert dec(row["free"]) == free, f"{who} {asset} free {row['free']}, expected {free}"
        assert dec(row["locked"]) == want_locked, f"{who} {asset} locked {row['locked']}, expected {want_locked}"


def check_admin_balances(server, account: int, expected: Dict[str, Decimal], who: str) -> None:
    got = server.balances(account)
    for asset, free in expected.items():
        row = got.get(asset, {"free": D(0), "locked": D(0)})
        assert row["free"] == free and row["locked"] == 0, f"{who} admin balances {asset}: {row}, expected free {free}"


def find_symbol(info: Dict[str, Any], symbol: str) -> Dict[str, Any]:
    matches = [s for s in info["symbols"] if s["symbol"] == symbol]
    assert len(matches) == 1, f"{symbol} listed {len(matches)} times in exchangeInfo"
    return matches[0]


def check_symbol_info(entry: Dict[str, Any], market: Market) -> None:
    assert entry["status"] == "TRADING"
    assert entry["baseAsset"] == market.base and entry["quoteAsset"] == market.quote
    assert {"LIMIT", "MARKET"} <= set(entry["orderTypes"]), entry["orderTypes"]
    assert entry["quoteOrderQtyMarketAllowed"] is True
    filters = {f["filterType"]: f for f in entry["filters"]}
    assert dec(filters["PRICE_FILTER"]["tickSize"]) == market.tick, filters["PRICE_FILTER"]
    assert dec(filters["LOT_SIZE"]["stepSize"]) == market.step, filters["LOT_SIZE"]
    assert dec(filters["LOT_SIZE"]["minQty"]) == market.min_qty, filters["LOT_SIZE"]
    assert dec(filters["LOT_SIZE"]["maxQty"]) == market.max_qty, filters["LOT_SIZE"]
    notional = filters.get("NOTIONAL") or filters.get("MIN_NOTIONAL")
    assert notional is not None, f"no NOTIONAL / MIN_NOTIONAL filter in {list(filters)}"
    assert dec(notional["minNotional"]) == market.min_notional, notional


def check_klines(klines: List[List[Any]], fills: List[Fill], interval_ms: int) -> None:
    for k in klines:
        assert len(k) == 12, k
        assert isinstance(k[0], int) and isinstance(k[6], int) and isinstance(k[8], int), k
        assert k[6] == k[0] + interval_ms - 1, f"closeTime {k[6]} != openTime {k[0]} + {interval_ms} - 1"
        for i in (1, 2, 3, 4, 5, 7, 9, 10):
            dec(k[i])
    traded = [k for k in klines if k[8] > 0]
    assert sum(k[8] for k in klines) == len(fills), f"kline trade counts {[k[8] for k in klines]}, expected {len(fills)} trades"
    assert sum(dec(k[5]) for k in klines) == sum(f.qty for f in fills), "kline base volume"
    assert sum(dec(k[7]) for k in klines) == sum(f.quote for f in fills), "kline quote volume"
    assert dec(traded[0][1]) == fills[0].price, "first kline's open is the first trade's price"
    assert dec(traded[-1][4]) == fills[-1].price, "last kline's close is the last trade's price"
    assert max(dec(k[2]) for k in traded) == max(f.price for f in fills), "highest high"
    assert min(dec(k[3]) for k in traded) == min(f.price for f in fills), "lowest low"
    taker_buys = [f for f in fills if f.aggressor == f.buyer]
    assert sum(dec(k[9]) for k in klines) == sum(f.qty for f in taker_buys), "taker buy base volume"
    assert sum(dec(k[10]) for k in klines) == sum(f.quote for f in taker_buys), "taker buy quote volume"
    opens = [k[0] for k in klines]
    assert opens == sorted(opens), "klines oldest first"


def check_ticker_24hr(t: Dict[str, Any], market: Market, fills: List[Fill], bid: Tuple[Decimal, Decimal],
                      ask: Tuple[Decimal, Decimal]) -> None:
    assert t["symbol"] == market.symbol
    assert dec(t["lastPrice"]) == fills[-1].price, t
    assert dec(t["lastQty"]) == fills[-1].qty, t
    assert dec(t["openPrice"]) == fills[0].price, t
    assert dec(t["highPrice"]) == max(f.price for f in fills), t
    assert dec(t["lowPrice"]) == min(f.price for f in fills), t
    assert dec(t["priceChange"]) == fills[-1].price - fills[0].price, t
    assert dec(t["volume"]) == sum(f.qty for f in fills), t
    assert dec(t["quoteVolume"]) == sum(f.quote for f in fills), t
    assert t["count"] == len(fills), t
    assert isinstance(t["firstId"], int) and t["lastId"] - t["firstId"] + 1 == len(fills), t
    assert (dec(t["bidPrice"]), dec(t["bidQty"])) == bid, t
    assert (dec(t["askPrice"]), dec(t["askQty"])) == ask, t
    weighted = sum(f.quote for f in fills) / sum(f.qty for f in fills)
    assert abs(dec(t["weightedAvgPrice"]) - weighted) < D("0.0001"), t
    for key in ("openTime", "closeTime"):
        assert isinstance(t[key], int), t


# -- the raw-JSON clients -------------------------------------------------------------------------


class RawAPI:
    """One client, one account, one key: Binance JSON back from the client's own methods.
    Quantities and prices are passed as Decimal-derived strings."""

    def exchange_info(self, symbol: str) -> Dict[str, Any]: raise NotImplementedError
    def depth(self, symbol: str, limit: int) -> Dict[str, Any]: raise NotImplementedError
    def ticker_24hr(self, symbol: str) -> Dict[str, Any]: raise NotImplementedError
    def ticker_price(self, symbol: str) -> Dict[str, Any]: raise NotImplementedError
    def book_ticker(self, symbol: str) -> Dict[str, Any]: raise NotImplementedError
    def klines(self, symbol: str, interval: str, limit: int) -> List[List[Any]]: raise NotImplementedError
    def limit_order(self, symbol: str, side: str, qty: Decimal, price: Decimal) -> Dict[str, Any]: raise NotImplementedError
    def market_order(self, symbol: str, side: str, qty: Decimal) -> Dict[str, Any]: raise NotImplementedError
    def market_order_quote(self, symbol: str, side: str, quote: Decimal) -> Dict[str, Any]: raise NotImplementedError
    def cancel(self, symbol: str, order_id: int) -> Dict[str, Any]: raise NotImplementedError
    def cancel_all(self, symbol: str) -> List[Dict[str, Any]]: raise NotImplementedError
    def get_order(self, symbol: str, order_id: int) -> Dict[str, Any]: raise NotImplementedError
    def open_orders(self, symbol: str) -> List[Dict[str, Any]]: raise NotImplementedError
    def all_orders(self, symbol: str) -> List[Dict[str, Any]]: raise NotImplementedError
    def account(self) -> Dict[str, Any]: raise NotImplementedError
    def my_trades(self, symbol: str) -> List[Dict[str, Any]]: raise NotImplementedError

    # Errors: the client's exception class for an HTTP status, and (status, code, msg) out of one.
    @classmethod
    def error_class(cls, http_status: int) -> type: raise NotImplementedError
    @classmethod
    def describe(cls, error: BaseException) -> Tuple[Optional[int], int, str]: raise NotImplementedError


def raw_trading_flow(server, market: Market, make_trader, client: Callable[[Any], RawAPI]) -> None:
    """The story through one raw-JSON client; `client(trader)` builds it for that trader's key."""
    s = Story
    ledger = s.ledger(market)
    maker_t = make_trader(**{market.base: str(s.MAKER_BASE), market.quote: str(s.MAKER_QUOTE)})
    taker_t = make_trader(**{market.quote: str(s.TAKER_QUOTE)})
    maker, taker = client(maker_t), client(taker_t)
    sym, base, quote = market.symbol, market.base, market.quote

    # Markets and an empty book.
    check_symbol_info(find_symbol(taker.exchange_info(sym), sym), market)
    book = taker.depth(sym, 10)
    assert isinstance(book["lastUpdateId"], int)
    assert book["bids"] == [] and book["asks"] == [], book
    first_update = book["lastUpdateId"]

    # The maker's resting orders.
    s1 = maker.limit_order(sym, "SELL", s.S1[1], s.S1[0])
    s2 = maker.limit_order(sym, "SELL", s.S2[1], s.S2[0])
    b1 = maker.limit_order(sym, "BUY", s.B1[1], s.B1[0])
    for placed, side, (price, qty) in ((s1, "SELL", s.S1), (s2, "SELL", s.S2), (b1, "BUY", s.B1)):
        check_order(placed, symbol=sym, side=side, type="LIMIT", status="NEW", orig_qty=qty, executed=D(0),
                    cum_quote=D(0), price=price)
        assert placed["timeInForce"] == "GTC"
        assert placed.get("fills", []) == []
    assert len({s1["orderId"], s2["orderId"], b1["orderId"]}) == 3

    book = taker.depth(sym, 10)
    assert levels(book["asks"]) == [(s.S1[0], s.S1[1]), (s.S2[0], s.S2[1])], book
    assert levels(book["bids"]) == [(s.B1[0], s.B1[1])], book
    assert book["lastUpdateId"] > first_update, "lastUpdateId moves when the book changes"
    bt = taker.book_ticker(sym)
    assert bt["symbol"] == sym
    assert (dec(bt["bidPrice"]), dec(bt["bidQty"]), dec(bt["askPrice"]), dec(bt["askQty"])) == (
        s.B1[0], s.B1[1], s.S1[0], s.S1[1]), bt
    reserved_quote = s.B1[0] * s.B1[1]
    check_balances(maker.account(),
                   {base: s.MAKER_BASE - s.S1[1] - s.S2[1], quote: s.MAKER_QUOTE - reserved_quote},
                   locked={base: s.S1[1] + s.S2[1], quote: reserved_quote}, who="maker after placing")

    order_ids: Dict[Tuple[Fill, str], int] = {}

    def record(f: Fill, taker_order: int, maker_order: int, taker_is: str = "taker") -> None:
        order_ids[(f, taker_is)] = taker_order
        order_ids[(f, "maker" if taker_is == "taker" else "taker")] = maker_order

    # T1: a limit buy that crosses and fills entirely; S1 partially filled.
    t1 = taker.limit_order(sym, "BUY", s.T1[1], s.T1[0])
    f1 = ledger.fill(s.S1[0], s.T1[1], buyer="taker", seller="maker", aggressor="taker")
    check_order(t1, symbol=sym, side="BUY", type="LIMIT", status="FILLED", orig_qty=s.T1[1], executed=s.T1[1],
                cum_quote=f1.quote, price=s.T1[0])
    check_fills(t1["fills"], [f1], buyer_side=True, market=market)
    record(f1, t1["orderId"], s1["orderId"])
    check_order(maker.get_order(sym, s1["orderId"]), symbol=sym, side="SELL", type="LIMIT",
                status="PARTIALLY_FILLED", orig_qty=s.S1[1], executed=s.T1[1], cum_quote=f1.quote, price=s.S1[0])

    # T2: crosses, takes the rest of S1, rests the remainder.
    t2 = taker.limit_order(sym, "BUY", s.T2[1], s.T2[0])
    f2 = ledger.fill(s.S1[0], s.T2_FIRST, buyer="taker", seller="maker", aggressor="taker")
    check_order(t2, symbol=sym, side="BUY", type="LIMIT", status="PARTIALLY_FILLED", orig_qty=s.T2[1],
                executed=s.T2_FIRST, cum_quote=f2.quote, price=s.T2[0])
    check_fills(t2["fills"], [f2], buyer_side=True, market=market)
    record(f2, t2["orderId"], s1["orderId"])
    book = taker.depth(sym, 10)
    assert levels(book["bids"]) == [(s.T2[0], s.T2[1] - s.T2_FIRST), (s.B1[0], s.B1[1])], book
    assert levels(book["asks"]) == [(s.S2[0], s.S2[1])], book

    # T3: market buy by quantity.
    t3 = taker.market_order(sym, "BUY", s.T3_QTY)
    f3 = ledger.fill(s.S2[0], s.T3_QTY, buyer="taker", seller="maker", aggressor="taker")
    check_order(t3, symbol=sym, side="BUY", type="MARKET", status="FILLED", orig_qty=s.T3_QTY, executed=s.T3_QTY,
                cum_quote=f3.quote)
    check_fills(t3["fills"], [f3], buyer_side=True, market=market)
    record(f3, t3["orderId"], s2["orderId"])

    # T4: market buy by quote quantity: as much as 15 USDT buys at 101.13, in whole steps.
    t4 = taker.market_order_quote(sym, "BUY", s.T4_QUOTE)
    f4 = ledger.fill(s.S2[0], s.T4_QTY, buyer="taker", seller="maker", aggressor="taker")
    check_order(t4, symbol=sym, side="BUY", type="MARKET", status="FILLED", orig_qty=s.T4_QTY, executed=s.T4_QTY,
                cum_quote=f4.quote)
    assert dec(t4["origQuoteOrderQty"]) == s.T4_QUOTE, t4
    check_fills(t4["fills"], [f4], buyer_side=True, market=market)
    record(f4, t4["orderId"], s2["orderId"])

    # M1: market sell by quantity into T2's resting remainder (the taker account is maker here).
    m1 = maker.market_order(sym, "SELL", s.M1_QTY)
    f5 = ledger.fill(s.T2[0], s.M1_QTY, buyer="taker", seller="maker", aggressor="maker")
    check_order(m1, symbol=sym, side="SELL", type="MARKET", status="FILLED", orig_qty=s.M1_QTY, executed=s.M1_QTY,
                cum_quote=f5.quote)
    check_fills(m1["fills"], [f5], buyer_side=False, market=market)
    record(f5, m1["orderId"], t2["orderId"], taker_is="maker")

    # Cancel T2's remainder.
    canceled = taker.cancel(sym, t2["orderId"])
    check_order(canceled, symbol=sym, side="BUY", type="LIMIT", status="CANCELED", orig_qty=s.T2[1],
                executed=s.T2_EXECUTED, cum_quote=f2.quote + f5.quote, order_id=t2["orderId"])
    assert canceled["origClientOrderId"] == t2["clientOrderId"], canceled
    s2_left = s.S2[1] - s.S2_EXECUTED
    book = taker.depth(sym, 10)
    assert levels(book["bids"]) == [(s.B1[0], s.B1[1])], book
    assert levels(book["asks"]) == [(s.S2[0], s2_left)], book

    # Market data after five trades.
    fills = ledger.fills
    check_ticker_24hr(taker.ticker_24hr(sym), market, fills, bid=(s.B1[0], s.B1[1]), ask=(s.S2[0], s2_left))
    price = taker.ticker_price(sym)
    assert price["symbol"] == sym and dec(price["price"]) == fills[-1].price, price
    check_klines(taker.klines(sym, "1m", 1000), fills, 60_000)

    # Open orders, one order, cancel all.
    open_maker = sorted(maker.open_orders(sym), key=lambda o: o["orderId"])
    assert [o["orderId"] for o in open_maker] == sorted([s2["orderId"], b1["orderId"]]), open_maker
    by_id = {o["orderId"]: o for o in open_maker}
    check_order(by_id[s2["orderId"]], symbol=sym, side="SELL", type="LIMIT", status="PARTIALLY_FILLED",
                orig_qty=s.S2[1], executed=s.S2_EXECUTED, cum_quote=f3.quote + f4.quote, price=s.S2[0])
    check_order(by_id[b1["orderId"]], symbol=sym, side="BUY", type="LIMIT", status="NEW", orig_qty=s.B1[1],
                executed=D(0), cum_quote=D(0), price=s.B1[0])
    assert all(o["isWorking"] is True for o in open_maker), open_maker
    assert taker.open_orders(sym) == []
    check_order(maker.get_order(sym, s1["orderId"]), symbol=sym, side="SELL", type="LIMIT", status="FILLED",
                orig_qty=s.S1[1], executed=s.S1[1], cum_quote=f1.quote + f2.quote, price=s.S1[0])

    canceled_all = maker.cancel_all(sym)
    assert sorted(o["orderId"] for o in canceled_all) == sorted([s2["orderId"], b1["orderId"]]), canceled_all
    assert all(o["status"] == "CANCELED" for o in canceled_all), canceled_all
    assert maker.open_orders(sym) == []
    book = taker.depth(sym, 10)
    assert book["bids"] == [] and book["asks"] == [], book

    # All orders, with their final states.
    def final_states(api: RawAPI) -> Dict[int, Tuple[str, Decimal]]:
        return {o["orderId"]: (o["status"], dec(o["executedQty"])) for o in api.all_orders(sym)}

    assert final_states(maker) == {
        s1["orderId"]: ("FILLED", s.S1[1]),
        s2["orderId"]: ("CANCELED", s.S2_EXECUTED),
        b1["orderId"]: ("CANCELED", D(0)),
        m1["orderId"]: ("FILLED", s.M1_QTY),
    }
    assert final_states(taker) == {
        t1["orderId"]: ("FILLED", s.T1[1]),
        t2["orderId"]: ("CANCELED", s.T2_EXECUTED),
        t3["orderId"]: ("FILLED", s.T3_QTY),
        t4["orderId"]: ("FILLED", s.T4_QTY),
    }

    # My trades and the balances they add up to.
    check_my_trades(taker.my_trades(sym), "taker", ledger, market, order_ids)
    check_my_trades(maker.my_trades(sym), "maker", ledger, market, order_ids)
    for who, api, trader in (("maker", maker, maker_t), ("taker", taker, taker_t)):
        expected = {base: ledger.balance(who, base), quote: ledger.balance(who, quote)}
        check_balances(api.account(), expected, who=who)
        check_admin_balances(server, trader.account, expected, who)


# -- errors through the raw clients ---------------------------------------------------------------


@contextlib.contextmanager
def raises_binance(api_cls: type, http_status: int, code: int, msg: Optional[str] = None,
                   msg_startswith: Optional[str] = None):
    """The call inside raises the client's own exception for `http_status`, carrying `code` (and `msg`)."""
    expected_class = api_cls.error_class(http_status)
    try:
        yield
    except expected_class as error:
        status, got_code, got_msg = api_cls.describe(error)
        if status is not None:
            assert status == http_status, f"HTTP {status}, expected {http_status} ({got_code} {got_msg})"
        assert got_code == code, f"code {got_code} ({got_msg!r}), expected {code}"
        if msg is not None:
            assert got_msg == msg, f"msg {got_msg!r}, expected {msg!r}"
        if msg_startswith is not None:
            assert got_msg.startswith(msg_startswith), f"msg {got_msg!r}, expected it to start with {msg_startswith!r}"
    except Exception as error:
        raise AssertionError(f"expected {expected_class.__name__} with code {code}, got {type(error).__name__}: {error!r}")
    else:
        raise AssertionError(f"expected {expected_class.__name__} with code {code}; the call succeeded")


INSUFFICIENT = "Account has insufficient balance for requested action."
INVALID_SYMBOL = "Invalid symbol."
BAD_SIGNATURE = "Signature for this request is not valid."
STALE = "Timestamp for this request is outside of the recvWindow."
BAD_KEY = "Invalid API-key, IP, or permissions for action."


def wrong_key(key: Key) -> Key:
    """The same API key with a signing secret the server does not know."""
    if key.kind == "hmac":
        return Key("hmac", api_key=key.api_key, secret="x" * len(key.secret or "x" * 64))
    return Key("ed25519", api_key=key.api_key, private_key_pem=ed25519_pem())


def unknown_key(kind: str) -> Key:
    """An API key the server never issued."""
    api_key = "Unknown" + "0" * 57
    if kind == "hmac":
        return Key("hmac", api_key=api_key, secret="s" * 64)
    return Key("ed25519", api_key=api_key, private_key_pem=ed25519_pem())


class RawSuite:
    """The tests every raw-JSON client runs. A subclass sets API to its adapter class, whose
    constructor is API(server_url, key, clock_offset_ms=0)."""

    API: type = RawAPI

    def connect(self, server, key, clock_offset_ms: int = 0) -> RawAPI:
        return self.API(server.url, key, clock_offset_ms=clock_offset_ms)

    def test_exchange_info(self, server, make_trader):
        api = self.connect(server, make_trader().key("hmac"))
        info = api.exchange_info("BTCUSDT")
        entry = find_symbol(info, "BTCUSDT")
        check_symbol_info(entry, Market("BTCUSDT", "BTC", "USDT"))
        everything = api.exchange_info(None)
        listed = {s["symbol"] for s in everything["symbols"]}
        assert {"BTCUSDT", "ETHUSDT"} <= listed, listed
        assert isinstance(everything["serverTime"], int)
        assert any(r["rateLimitType"] == "REQUEST_WEIGHT" for r in everything["rateLimits"]), everything["rateLimits"]

    def test_trading_flow(self, server, market, make_trader, key_type):
        raw_trading_flow(server, market, make_trader, lambda trader: self.connect(server, trader.key(key_type)))

    def test_insufficient_balance(self, server, market, make_trader, key_type):
        trader = make_trader(**{market.quote: "10", market.base: "0.5"})
        api = self.connect(server, trader.key(key_type))
        with raises_binance(self.API, 400, -2010, INSUFFICIENT):
            api.limit_order(market.symbol, "BUY", D("1"), D("100"))  # 100 USDT > 10
        with raises_binance(self.API, 400, -2010, INSUFFICIENT):
            api.limit_order(market.symbol, "SELL", D("0.6"), D("100"))  # 0.6 BASE > 0.5
        # quoteOrderQty 11 > 10, with liquidity on the book (an empty book is a different refusal).
        seller = self.connect(server, make_trader(**{market.base: "1"}).key(key_type))
        resting = seller.limit_order(market.symbol, "SELL", D("1"), D("100"))
        with raises_binance(self.API, 400, -2010, INSUFFICIENT):
            api.market_order_quote(market.symbol, "BUY", D("11"))
        with raises_binance(self.API, 400, -2010, INSUFFICIENT):
            api.market_order(market.symbol, "BUY", D("0.2"))  # 0.2 at 100 = 20 > 10
        seller.cancel(market.symbol, resting["orderId"])
        # Nothing was created, nothing is locked.
        assert api.open_orders(market.symbol) == []
        assert api.all_orders(market.symbol) == []
        check_balances(api.account(), {market.quote: D("10"), market.base: D("0.5")}, who="after rejections")

    def test_unknown_symbol(self, server, make_trader, key_type):
        api = self.connect(server, make_trader(USDT="1000").key(key_type))
        with raises_binance(self.API, 400, -1121, INVALID_SYMBOL):
            api.depth("NOSUCHUSDT", 5)
        with raises_binance(self.API, 400, -1121, INVALID_SYMBOL):
            api.ticker_24hr("NOSUCHUSDT")
        with raises_binance(self.API, 400, -1121, INVALID_SYMBOL):
            api.limit_order("NOSUCHUSDT", "BUY", D("1"), D("1"))

    def test_bad_signature(self, server, make_trader, key_type):
        trader = make_trader(USDT="1000")
        api = self.connect(server, wrong_key(trader.key(key_type)))
        with raises_binance(self.API, 400, -1022, BAD_SIGNATURE):
            api.account()
        with raises_binance(self.API, 400, -1022, BAD_SIGNATURE):
            api.limit_order("BTCUSDT", "BUY", D("0.001"), D("10000"))

    def test_stale_timestamp(self, server, make_trader, key_type):
        trader = make_trader(USDT="1000")
        stale = self.connect(server, trader.key(key_type), clock_offset_ms=-120_000)
        with raises_binance(self.API, 400, -1021, STALE):
            stale.account()
        ahead = self.connect(server, trader.key(key_type), clock_offset_ms=+120_000)
        with raises_binance(self.API, 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time."):
            ahead.account()

    def test_too_much_precision(self, server, make_trader, key_type):
        api = self.connect(server, make_trader(USDT="100000", BTC="10").key(key_type))
        with raises_binance(self.API, 400, -1111, "Parameter 'quantity' has too much precision."):
            api.limit_order("BTCUSDT", "BUY", D("0.000000001"), D("10000"))  # 9 decimals, BTC has 8
        with raises_binance(self.API, 400, -1111, "Parameter 'price' has too much precision."):
            api.limit_order("BTCUSDT", "BUY", D("0.001"), D("10000.000000001"))

    def test_filter_failures(self, server, make_trader, key_type):
        api = self.connect(server, make_trader(USDT="100000", BTC="10").key(key_type))
        with raises_binance(self.API, 400, -1013, "Filter failure: LOT_SIZE"):
            api.limit_order("BTCUSDT", "BUY", D("0.000015"), D("10000"))  # not a multiple of 0.00001
        with raises_binance(self.API, 400, -1013, "Filter failure: PRICE_FILTER"):
            api.limit_order("BTCUSDT", "BUY", D("0.001"), D("10000.005"))  # not a multiple of 0.01
        notional = {"NOTIONAL", "MIN_NOTIONAL"}
        try:
            api.limit_order("BTCUSDT", "BUY", D("0.0001"), D("100"))  # 0.01 USDT < 5
        except self.API.error_class(400) as error:
            status, code, msg = self.API.describe(error)
            assert code == -1013 and msg.removeprefix("Filter failure: ") in notional, (code, msg)
        else:
            raise AssertionError("an order of 0.01 USDT notional was accepted (min notional 5)")
        assert api.open_orders("BTCUSDT") == []

    def test_unknown_order(self, server, make_trader, key_type):
        api = self.connect(server, make_trader(USDT="1000").key(key_type))
        with raises_binance(self.API, 400, -2011, "Unknown order sent."):
            api.cancel("BTCUSDT", 987654321)
        with raises_binance(self.API, 400, -2013, "Order does not exist."):
            api.get_order("BTCUSDT", 987654321)
        # Binance answers a cancel-all with nothing open with -2011 (spec §3.3).
        with raises_binance(self.API, 400, -2011, "Unknown order sent."):
            api.cancel_all("BTCUSDT")

    def test_unknown_api_key(self, server, key_type):
        api = self.connect(server, unknown_key(key_type))
        with raises_binance(self.API, 401, -2015, BAD_KEY):
            api.account()

    def test_other_accounts_orders(self, server, market, make_trader, key_type):
        owner = self.connect(server, make_trader(**{market.base: "1"}).key(key_type))
        other = self.connect(server, make_trader(**{market.quote: "1000"}).key(key_type))
        order = owner.limit_order(market.symbol, "SELL", D("0.5"), D("150"))
        with raises_binance(self.API, 400, -2013, "Order does not exist."):
            other.get_order(market.symbol, order["orderId"])
        with raises_binance(self.API, 400, -2011, "Unknown order sent."):
            other.cancel(market.symbol, order["orderId"])
        assert other.open_orders(market.symbol) == []
        assert other.all_orders(market.symbol) == []
        assert other.my_trades(market.symbol) == []
        still = owner.get_order(market.symbol, order["orderId"])
        assert still["status"] == "NEW", still
        owner.cancel(market.symbol, order["orderId"])
