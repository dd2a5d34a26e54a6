"""ccxt.pro 4.5.90 user data against Solvent (client-call-map §1.4): watch_orders, watch_balance and
watch_my_trades subscribe with `userDataStream.subscribe.signature` on /ws-api/v3 (HMAC and Ed25519
keys) and must deliver what happened: an order resting, partly filled, then canceled; the trade
with its fee; the balances after each change. ccxt raises on any reply without a subscriptionId or
with an error, so getting this far also proves the subscription handshake.
"""

from __future__ import annotations

import asyncio

from streams_support import pro_connect
from user_support import D, pair


async def until(read, predicate, timeout: float = 20):
    """Polls what the watch_* calls have cached (`read()`) until it satisfies `predicate`: the
    watchers were started first, so every event lands in ccxt's caches whether or not a watch_*
    call is pending when it arrives."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = read()
        if value is not None and predicate(value):
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not seen within {timeout}s: {value!r}"[:2000])
        await asyncio.sleep(0.05)


def test_watch_orders_balance_and_my_trades_deliver_what_happened(server, market, make_trader, key_type):
    p = pair(server, make_trader, market)
    symbol = market.unified

    async def scenario():
        exchange = pro_connect(server.url, p.trader.key(key_type))
        try:
            await exchange.load_markets()
            orders = asyncio.ensure_future(exchange.watch_orders(symbol))
            balance = asyncio.ensure_future(exchange.watch_balance())
            trades = asyncio.ensure_future(exchange.watch_my_trades(symbol))
            await asyncio.sleep(1.5)  # the subscription is acknowledged before anything happens
            placed = await asyncio.to_thread(p.rest_sell_then_partial_fill)
            order_id = str(placed["orderId"])

            filled = await until(lambda: list(exchange.orders or []),
                                 lambda os: any(o["id"] == order_id and o["filled"] == 0.1 for o in os))
            order = next(o for o in filled if o["id"] == order_id)
            assert order["status"] == "open" and order["remaining"] == 0.2 and order["price"] == 100.0, order
            assert order["clientOrderId"] == placed["clientOrderId"]

            mine = await until(lambda: list(exchange.myTrades or []), lambda ts: any(t["order"] == order_id for t in ts))
            trade = next(t for t in mine if t["order"] == order_id)
            assert (trade["side"], trade["amount"], trade["price"], trade["takerOrMaker"]) == ("sell", 0.1, 100.0, "maker")
            assert trade["fee"]["currency"] == market.quote and trade["fee"]["cost"] == 0.01, trade["fee"]

            # The trader's base: 10 deposited, 0.3 locked by the sell, 0.1 of it sold.
            seen = await until(lambda: exchange.balance.get("spot"),
                               lambda b: b.get(market.base, {}).get("used") == 0.2)
            assert seen[market.base]["free"] == 9.7 and seen[market.base]["total"] == 9.9, seen[market.base]
            assert seen[market.quote]["free"] == 100009.99, seen[market.quote]  # + 10 - 0.01 fee

            await asyncio.to_thread(p.rest.cancel, market.symbol, int(order_id))
            canceled = await until(lambda: list(exchange.orders or []),
                                   lambda os: any(o["id"] == order_id and o["status"] == "canceled" for o in os))
            assert next(o for o in canceled if o["id"] == order_id)["filled"] == 0.1
            unlocked = await until(lambda: exchange.balance.get("spot"), lambda b: b.get(market.base, {}).get("used") == 0)
            assert unlocked[market.base]["free"] == 9.9
            for task in (orders, balance, trades):
                assert task.done() and task.exception() is None, task
        finally:
            await exchange.close()

    asyncio.run(scenario())
