"""ccxt 4.5.90 (`ccxt.binance`, sync) against Solvent: only its URLs are changed, plus the documented
spot-only options that keep load_markets off /sapi, /fapi and /dapi (client-call-map §1.1).

ccxt hands back unified structures (floats), so the story of flows.py is told here with ccxt's
own methods and checked on those structures; every float is compared as Decimal(str(float)).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, Dict, Optional

import ccxt
import pytest

from conftest import Key, Market
from flows import (BAD_SIGNATURE, INSUFFICIENT, INVALID_SYMBOL, Ledger, Story, fee, unknown_key, wrong_key)

D = Decimal


def num(value: Any) -> Decimal:
    assert value is not None, "missing number"
    return Decimal(str(value))


def connect(url: str, key: Optional[Key] = None, clock_offset_ms: int = 0) -> ccxt.binance:
    config: Dict[str, Any] = {
        "options": {
            "fetchMarkets": {"types": ["spot"]},
            "fetchCurrencies": False,
            "fetchMargins": False,
        },
    }
    if key is not None:
        config["apiKey"] = key.api_key
        config["secret"] = key.secret if key.kind == "hmac" else key.private_key_pem
    exchange = ccxt.binance(config)
    for name, api_url in list(exchange.urls["api"].items()):
        if isinstance(api_url, str):
            exchange.urls["api"][name] = re.sub(r"^https://[^/]+", url, api_url)
    # ccxt's timestamp is its clock minus options.timeDifference.
    exchange.options["timeDifference"] = -clock_offset_ms
    return exchange


def last_error(exchange: ccxt.binance) -> Dict[str, Any]:
    """The Binance error body ccxt last received."""
    body = exchange.last_http_response
    assert body, "ccxt kept no response body"
    parsed = json.loads(body)
    assert isinstance(parsed.get("code"), int) and isinstance(parsed.get("msg"), str), body
    return parsed


def expect(exchange: ccxt.binance, error_class: type, call, code: int, msg: Optional[str] = None) -> None:
    with pytest.raises(error_class) as info:
        call()
    body = last_error(exchange)
    assert body["code"] == code, f"{error_class.__name__} from {body}, expected code {code} ({info.value})"
    if msg is not None:
        assert body["msg"] == msg, body


def levels(side):
    return [(num(price), num(amount)) for price, amount, *_ in side]


def check_order(order, *, status: str, amount: Decimal, filled: Decimal, cost: Decimal, side: str, type: str,
                price: Optional[Decimal] = None):
    where = f"order {order['id']} {side} {type}"
    assert order["status"] == status, f"{where}: status {order['status']}, expected {status} ({order['info'].get('status')})"
    assert num(order["amount"]) == amount, f"{where}: amount {order['amount']}, expected {amount}"
    assert num(order["filled"]) == filled, f"{where}: filled {order['filled']}, expected {filled}"
    assert num(order["remaining"]) == amount - filled, f"{where}: remaining {order['remaining']}"
    assert num(order["cost"]) == cost, f"{where}: cost {order['cost']}, expected {cost}"
    assert order["side"] == side and order["type"] == type, where
    if price is not None:
        assert num(order["price"]) == price, f"{where}: price {order['price']}, expected {price}"
    assert isinstance(order["timestamp"], int), where


def check_trades(trades, expected_fills, who: str, market: Market):
    """ccxt's trades (of a create_order answer or fetch_my_trades) against the story's fills."""
    assert len(trades) == len(expected_fills), f"{who}: {trades}"
    for got, want in zip(trades, expected_fills):
        assert num(got["price"]) == want.price and num(got["amount"]) == want.qty, got
        buyer = want.buyer == who
        expected_fee = fee(want.qty) if buyer else fee(want.quote)
        assert num(got["fee"]["cost"]) == expected_fee, f"{who} fee {got['fee']}, expected {expected_fee}"
        assert got["fee"]["currency"] == (market.base if buyer else market.quote), got["fee"]


class TestCcxt:
    def test_load_markets(self, server):
        exchange = connect(server.url)
        markets = exchange.load_markets()
        assert {"BTC/USDT", "ETH/USDT"} <= set(markets), sorted(markets)
        btc = markets["BTC/USDT"]
        assert btc["id"] == "BTCUSDT" and btc["spot"] is True and btc["active"] is True
        assert (btc["base"], btc["quote"]) == ("BTC", "USDT")
        assert num(btc["precision"]["price"]) == D("0.01")
        assert num(btc["precision"]["amount"]) == D("0.00001")
        assert num(btc["limits"]["amount"]["min"]) == D("0.00001")
        assert num(btc["limits"]["amount"]["max"]) == D("9000")
        assert num(btc["limits"]["cost"]["min"]) == D("5")
        assert isinstance(exchange.fetch_time(), int)

    def test_trading_flow(self, server, market, make_trader, key_type):
        s = Story
        ledger: Ledger = s.ledger(market)
        maker_t = make_trader(**{market.base: str(s.MAKER_BASE), market.quote: str(s.MAKER_QUOTE)})
        taker_t = make_trader(**{market.quote: str(s.TAKER_QUOTE)})
        maker, taker = connect(server.url, maker_t.key(key_type)), connect(server.url, taker_t.key(key_type))
        sym, base, quote = market.unified, market.base, market.quote

        # Markets and an empty book.
        m = taker.load_markets()[sym]
        assert m["id"] == market.symbol and m["active"] is True
        assert num(m["precision"]["price"]) == market.tick and num(m["precision"]["amount"]) == market.step
        book = taker.fetch_order_book(sym, 10)
        assert book["bids"] == [] and book["asks"] == [], book
        first_nonce = book["nonce"]
        assert isinstance(first_nonce, int)

        # The maker's resting orders.
        s1 = maker.create_order(sym, "limit", "sell", float(s.S1[1]), float(s.S1[0]))
        s2 = maker.create_order(sym, "limit", "sell", float(s.S2[1]), float(s.S2[0]))
        b1 = maker.create_order(sym, "limit", "buy", float(s.B1[1]), float(s.B1[0]))
        for order, side, (price, qty) in ((s1, "sell", s.S1), (s2, "sell", s.S2), (b1, "buy", s.B1)):
            check_order(order, status="open", amount=qty, filled=D(0), cost=D(0), side=side, type="limit", price=price)
            assert order["clientOrderId"].startswith("x-TKT5PX2F"), order["clientOrderId"]
        book = taker.fetch_order_book(sym, 10)
        assert levels(book["asks"]) == [(s.S1[0], s.S1[1]), (s.S2[0], s.S2[1])], book
        assert levels(book["bids"]) == [(s.B1[0], s.B1[1])], book
        assert book["nonce"] > first_nonce
        bids_asks = taker.fetch_bids_asks([sym])[sym]
        assert (num(bids_asks["bid"]), num(bids_asks["bidVolume"]), num(bids_asks["ask"]), num(bids_asks["askVolume"])) == (
            s.B1[0], s.B1[1], s.S1[0], s.S1[1]), bids_asks
        balance = maker.fetch_balance()
        reserved = s.B1[0] * s.B1[1]
        assert num(balance[base]["free"]) == s.MAKER_BASE - s.S1[1] - s.S2[1], balance[base]
        assert num(balance[base]["used"]) == s.S1[1] + s.S2[1], balance[base]
        assert num(balance[quote]["free"]) == s.MAKER_QUOTE - reserved, balance[quote]
        assert num(balance[quote]["used"]) == reserved, balance[quote]

        # T1 crosses and fills; S1 partially filled.
        t1 = taker.create_order(sym, "limit", "buy", float(s.T1[1]), float(s.T1[0]))
        f1 = ledger.fill(s.S1[0], s.T1[1], buyer="taker", seller="maker", aggressor="taker")
        check_order(t1, status="closed", amount=s.T1[1], filled=s.T1[1], cost=f1.quote, side="buy", type="limit")
        assert num(t1["average"]) == s.S1[0]
        check_trades(t1["trades"], [f1], "taker", market)
        check_order(maker.fetch_order(s1["id"], sym), status="open", amount=s.S1[1], filled=s.T1[1], cost=f1.quote,
                    side="sell", type="limit", price=s.S1[0])

        # T2 takes the rest of S1 and rests.
        t2 = taker.create_order(sym, "limit", "buy", float(s.T2[1]), float(s.T2[0]))
        f2 = ledger.fill(s.S1[0], s.T2_FIRST, buyer="taker", seller="maker", aggressor="taker")
        check_order(t2, status="open", amount=s.T2[1], filled=s.T2_FIRST, cost=f2.quote, side="buy", type="limit")
        check_trades(t2["trades"], [f2], "taker", market)

        # T3: market by amount; T4: market by cost (quoteOrderQty).
        t3 = taker.create_order(sym, "market", "buy", float(s.T3_QTY))
        f3 = ledger.fill(s.S2[0], s.T3_QTY, buyer="taker", seller="maker", aggressor="taker")
        check_order(t3, status="closed", amount=s.T3_QTY, filled=s.T3_QTY, cost=f3.quote, side="buy", type="market")
        check_trades(t3["trades"], [f3], "taker", market)
        t4 = taker.create_market_buy_order_with_cost(sym, float(s.T4_QUOTE))
        f4 = ledger.fill(s.S2[0], s.T4_QTY, buyer="taker", seller="maker", aggressor="taker")
        check_order(t4, status="closed", amount=s.T4_QTY, filled=s.T4_QTY, cost=f4.quote, side="buy", type="market")
        check_trades(t4["trades"], [f4], "taker", market)

        # M1: market sell into T2's remainder.
        m1 = maker.create_order(sym, "market", "sell", float(s.M1_QTY))
        f5 = ledger.fill(s.T2[0], s.M1_QTY, buyer="taker", seller="maker", aggressor="maker")
        check_order(m1, status="closed", amount=s.M1_QTY, filled=s.M1_QTY, cost=f5.quote, side="sell", type="market")
        check_trades(m1["trades"], [f5], "maker", market)

        # Cancel T2.
        canceled = taker.cancel_order(t2["id"], sym)
        check_order(canceled, status="canceled", amount=s.T2[1], filled=s.T2_EXECUTED, cost=f2.quote + f5.quote,
                    side="buy", type="limit")
        s2_left = s.S2[1] - s.S2_EXECUTED
        book = taker.fetch_order_book(sym, 10)
        assert levels(book["bids"]) == [(s.B1[0], s.B1[1])] and levels(book["asks"]) == [(s.S2[0], s2_left)], book

        # Ticker, last prices and OHLCV after five trades.
        fills = ledger.fills
        ticker = taker.fetch_ticker(sym)
        assert num(ticker["last"]) == fills[-1].price and num(ticker["open"]) == fills[0].price, ticker
        assert num(ticker["high"]) == max(f.price for f in fills) and num(ticker["low"]) == min(f.price for f in fills)
        assert num(ticker["baseVolume"]) == sum(f.qty for f in fills), ticker
        assert num(ticker["quoteVolume"]) == sum(f.quote for f in fills), ticker
        assert num(ticker["change"]) == fills[-1].price - fills[0].price, ticker
        assert (num(ticker["bid"]), num(ticker["ask"])) == (s.B1[0], s.S2[0]), ticker
        assert (num(ticker["bidVolume"]), num(ticker["askVolume"])) == (s.B1[1], s2_left), ticker
        assert int(ticker["info"]["count"]) == len(fills)
        public = taker.fetch_trades(sym)  # GET /api/v3/aggTrades: one per taker order here
        assert [(num(t["price"]), num(t["amount"])) for t in public] == [(f.price, f.qty) for f in fills], public
        assert [t["side"] for t in public] == ["buy" if f.aggressor == f.buyer else "sell" for f in fills], public
        last = taker.fetch_last_prices([sym])[sym]
        assert num(last["price"]) == fills[-1].price, last
        candles = taker.fetch_ohlcv(sym, "1m", limit=1000)
        traded = [c for c in candles if c[5] and num(c[5]) > 0]
        assert sum(num(c[5]) for c in candles) == sum(f.qty for f in fills), candles
        assert num(traded[0][1]) == fills[0].price and num(traded[-1][4]) == fills[-1].price, candles
        assert max(num(c[2]) for c in traded) == max(f.price for f in fills)
        assert min(num(c[3]) for c in traded) == min(f.price for f in fills)
        assert all(c[0] % 60_000 == 0 for c in candles), "1m candles open on the minute"

        # Open orders, one order, cancel all, all orders.
        open_orders = sorted(maker.fetch_open_orders(sym), key=lambda o: int(o["id"]))
        assert sorted(o["id"] for o in open_orders) == sorted([s2["id"], b1["id"]]), open_orders
        by_id = {o["id"]: o for o in open_orders}
        check_order(by_id[s2["id"]], status="open", amount=s.S2[1], filled=s.S2_EXECUTED, cost=f3.quote + f4.quote,
                    side="sell", type="limit", price=s.S2[0])
        check_order(by_id[b1["id"]], status="open", amount=s.B1[1], filled=D(0), cost=D(0), side="buy", type="limit",
                    price=s.B1[0])
        assert taker.fetch_open_orders(sym) == []
        check_order(maker.fetch_order(s1["id"], sym), status="closed", amount=s.S1[1], filled=s.S1[1],
                    cost=f1.quote + f2.quote, side="sell", type="limit", price=s.S1[0])
        canceled_all = maker.cancel_all_orders(sym)
        assert sorted(o["id"] for o in canceled_all) == sorted([s2["id"], b1["id"]]), canceled_all
        assert all(o["status"] == "canceled" for o in canceled_all), canceled_all
        assert maker.fetch_open_orders(sym) == []
        book = taker.fetch_order_book(sym)
        assert book["bids"] == [] and book["asks"] == [], book
        states = {o["id"]: (o["status"], num(o["filled"])) for o in maker.fetch_orders(sym)}
        assert states == {s1["id"]: ("closed", s.S1[1]), s2["id"]: ("canceled", s.S2_EXECUTED),
                          b1["id"]: ("canceled", D(0)), m1["id"]: ("closed", s.M1_QTY)}, states
        states = {o["id"]: (o["status"], num(o["filled"])) for o in taker.fetch_orders(sym)}
        assert states == {t1["id"]: ("closed", s.T1[1]), t2["id"]: ("canceled", s.T2_EXECUTED),
                          t3["id"]: ("closed", s.T3_QTY), t4["id"]: ("closed", s.T4_QTY)}, states

        # My trades and balances.
        order_of = {("taker", 0): t1, ("taker", 1): t2, ("taker", 2): t3, ("taker", 3): t4, ("taker", 4): t2,
                    ("maker", 0): s1, ("maker", 1): s1, ("maker", 2): s2, ("maker", 3): s2, ("maker", 4): m1}
        for who, exchange in (("taker", taker), ("maker", maker)):
            trades = sorted(exchange.fetch_my_trades(sym), key=lambda t: int(t["id"]))
            check_trades(trades, fills, who, market)
            for i, (got, want) in enumerate(zip(trades, fills)):
                assert got["side"] == ("buy" if want.buyer == who else "sell"), got
                assert got["takerOrMaker"] == ("taker" if want.aggressor == who else "maker"), got
                assert num(got["cost"]) == want.quote, got
                assert got["order"] == order_of[(who, i)]["id"], got
        for who, exchange, trader in (("maker", maker, maker_t), ("taker", taker, taker_t)):
            balance = exchange.fetch_balance()
            for asset in (base, quote):
                want = ledger.balance(who, asset)
                assert num(balance[asset]["free"]) == want, f"{who} {asset}: {balance[asset]}, expected free {want}"
                assert num(balance[asset]["used"]) == 0, f"{who} {asset}: {balance[asset]}"
                assert num(balance[asset]["total"]) == want, f"{who} {asset}: {balance[asset]}"
            admin = server.balances(trader.account)
            assert {a: admin[a]["free"] for a in (base, quote)} == {a: ledger.balance(who, a) for a in (base, quote)}

    # -- errors, as ccxt's exception classes (and the Binance code in the body ccxt received) ------

    def test_insufficient_funds(self, server, market, make_trader, key_type):
        exchange = connect(server.url, make_trader(**{market.quote: "10", market.base: "0.5"}).key(key_type))
        sym = market.unified
        exchange.load_markets()
        expect(exchange, ccxt.InsufficientFunds, lambda: exchange.create_order(sym, "limit", "buy", 1, 100), -2010, INSUFFICIENT)
        expect(exchange, ccxt.InsufficientFunds, lambda: exchange.create_order(sym, "limit", "sell", 0.6, 100), -2010, INSUFFICIENT)
        # Market buys with liquidity on the book (an empty book is a different refusal).
        seller = connect(server.url, make_trader(**{market.base: "1"}).key(key_type))
        resting = seller.create_order(sym, "limit", "sell", 1, 100)
        expect(exchange, ccxt.InsufficientFunds, lambda: exchange.create_market_buy_order_with_cost(sym, 11), -2010, INSUFFICIENT)
        expect(exchange, ccxt.InsufficientFunds, lambda: exchange.create_order(sym, "market", "buy", 0.2), -2010, INSUFFICIENT)
        seller.cancel_order(resting["id"], sym)
        assert exchange.fetch_open_orders(sym) == []
        balance = exchange.fetch_balance()
        assert (num(balance[market.quote]["free"]), num(balance[market.base]["free"])) == (D("10"), D("0.5"))

    def test_bad_symbol(self, server, make_trader, key_type):
        exchange = connect(server.url, make_trader(USDT="100").key(key_type))
        exchange.load_markets()
        # ccxt refuses unknown unified symbols itself; the raw endpoints reach the server.
        expect(exchange, ccxt.BadSymbol, lambda: exchange.public_get_depth({"symbol": "NOSUCHUSDT"}), -1121, INVALID_SYMBOL)
        expect(exchange, ccxt.BadSymbol, lambda: exchange.public_get_ticker_24hr({"symbol": "NOSUCHUSDT"}), -1121, INVALID_SYMBOL)
        expect(exchange, ccxt.BadSymbol,
               lambda: exchange.private_post_order({"symbol": "NOSUCHUSDT", "side": "BUY", "type": "LIMIT",
                                                    "timeInForce": "GTC", "quantity": "1", "price": "1"}),
               -1121, INVALID_SYMBOL)

    def test_bad_signature(self, server, make_trader, key_type):
        trader = make_trader(USDT="100")
        exchange = connect(server.url, wrong_key(trader.key(key_type)))
        exchange.load_markets()
        expect(exchange, ccxt.AuthenticationError, exchange.fetch_balance, -1022, BAD_SIGNATURE)
        expect(exchange, ccxt.AuthenticationError, lambda: exchange.create_order("BTC/USDT", "limit", "buy", 0.001, 10000),
               -1022, BAD_SIGNATURE)

    def test_stale_timestamp(self, server, make_trader, key_type):
        trader = make_trader(USDT="100")
        behind = connect(server.url, trader.key(key_type), clock_offset_ms=-120_000)
        behind.load_markets()
        expect(behind, ccxt.InvalidNonce, behind.fetch_balance, -1021,
               "Timestamp for this request is outside of the recvWindow.")
        ahead = connect(server.url, trader.key(key_type), clock_offset_ms=+120_000)
        ahead.load_markets()
        expect(ahead, ccxt.InvalidNonce, ahead.fetch_balance, -1021,
               "Timestamp for this request was 1000ms ahead of the server's time.")

    def test_too_much_precision(self, server, make_trader, key_type):
        exchange = connect(server.url, make_trader(USDT="100000").key(key_type))
        exchange.load_markets()
        # ccxt rounds amounts to the market's step itself; an explicit quantity param goes out as is.
        expect(exchange, ccxt.BadRequest,
               lambda: exchange.create_order("BTC/USDT", "limit", "buy", 0.001, 10000, {"quantity": "0.000000001"}),
               -1111, "Parameter 'quantity' has too much precision.")

    def test_filter_failures(self, server, make_trader, key_type):
        exchange = connect(server.url, make_trader(USDT="100000").key(key_type))
        exchange.load_markets()
        expect(exchange, ccxt.InvalidOrder,
               lambda: exchange.create_order("BTC/USDT", "limit", "buy", 0.001, 10000, {"quantity": "0.000015"}),
               -1013, "Filter failure: LOT_SIZE")
        expect(exchange, ccxt.InvalidOrder,
               lambda: exchange.create_order("BTC/USDT", "limit", "buy", 0.001, 10000, {"price": "10000.005"}),
               -1013, "Filter failure: PRICE_FILTER")
        with pytest.raises(ccxt.BadRequest):  # -1013 NOTIONAL: ccxt's generic table says BadRequest
            exchange.create_order("BTC/USDT", "limit", "buy", 0.0001, 100)
        body = last_error(exchange)
        assert body["code"] == -1013 and body["msg"] in ("Filter failure: NOTIONAL", "Filter failure: MIN_NOTIONAL"), body
        assert exchange.fetch_open_orders("BTC/USDT") == []

    def test_order_not_found(self, server, make_trader, key_type):
        exchange = connect(server.url, make_trader(USDT="100").key(key_type))
        exchange.load_markets()
        expect(exchange, ccxt.OrderNotFound, lambda: exchange.cancel_order("987654321", "BTC/USDT"), -2011, "Unknown order sent.")
        expect(exchange, ccxt.OrderNotFound, lambda: exchange.fetch_order("987654321", "BTC/USDT"), -2013, "Order does not exist.")
        expect(exchange, ccxt.OrderNotFound, lambda: exchange.cancel_all_orders("BTC/USDT"), -2011, "Unknown order sent.")

    def test_unknown_api_key(self, server, key_type):
        exchange = connect(server.url, unknown_key(key_type))
        exchange.load_markets()
        expect(exchange, ccxt.AuthenticationError, exchange.fetch_balance, -2015,
               "Invalid API-key, IP, or permissions for action.")

    def test_other_accounts_orders(self, server, market, make_trader, key_type):
        owner = connect(server.url, make_trader(**{market.base: "1"}).key(key_type))
        other = connect(server.url, make_trader(**{market.quote: "1000"}).key(key_type))
        sym = market.unified
        order = owner.create_order(sym, "limit", "sell", 0.5, 150)
        expect(other, ccxt.OrderNotFound, lambda: other.fetch_order(order["id"], sym), -2013)
        expect(other, ccxt.OrderNotFound, lambda: other.cancel_order(order["id"], sym), -2011)
        assert other.fetch_open_orders(sym) == [] and other.fetch_orders(sym) == [] and other.fetch_my_trades(sym) == []
        assert owner.fetch_order(order["id"], sym)["status"] == "open"
        owner.cancel_order(order["id"], sym)
