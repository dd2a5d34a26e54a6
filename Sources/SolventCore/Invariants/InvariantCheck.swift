/// The properties that must hold between any two commands. Tests run this after every command;
/// an operator can run it on demand (it reads everything, so it is not free).
///
/// 1. Conservation: per asset, Σ (free + locked) over every account == deposited − withdrawn.
/// 2. No balance is negative.
/// 3. Locked == what open orders still reserve + pending withdrawals, per (account, asset).
/// 4. No book is crossed; every resting order is open, on its own market and side, shows a visible
///    quantity in (0, remaining], and sits at a legal price.
/// 5. A resting limit buy reserves exactly price × remaining; a sell reserves exactly its remaining
///    quantity; nothing open has a negative reservation or remaining quantity.
/// 6. The open-order counts and the client-id index agree with the open orders.
/// 7. Custody (`CustodyInvariants.swift`): the custody form of conservation, every withdrawal and
///    chain deposit record well formed, exactly one record per outpoint, no open order of a
///    frozen account.
/// 8. Jurisdictions (`JurisdictionInvariants.swift`): no open order that the rulings in force in
///    its account's jurisdiction forbid; no ruling past its effective time waits unless due.
extension Engine {
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        checkConservation(&problems)
        let open = allOpenOrders()
        checkReservations(open, &problems)
        for (m, market) in markets.enumerated() {
            checkBook(market, MarketId(m), &problems)
        }
        checkIndexes(open, &problems)
        checkCustody(open, &problems)
        checkJurisdictions(open, &problems)
        return problems
    }

    private func allOpenOrders() -> [Order] {
        markets.flatMap { $0.book.orders(.buy) + $0.book.orders(.sell) + $0.stops.all }
    }

    private func checkConservation(_ problems: inout [String]) {
        for asset in 0..<assets.count {
            let held = ledger.total(AssetId(asset))
            let expected = Int128(ledger.deposited[asset]) - Int128(ledger.withdrawn[asset])
            if held != expected { problems.append("asset \(asset): accounts hold \(held), expected \(expected)") }
        }
        ledger.forEachBalance { account, asset, balance in
            if balance.free < 0 || balance.locked < 0 {
                problems.append("account \(account) asset \(asset): negative balance \(balance)")
            }
        }
    }

    private func checkReservations(_ open: [Order], _ problems: inout [String]) {
        var expected: [Int: Amount] = [:]
        let assetCount = ledger.assetCount
        for order in open {
            let asset = reservedAsset(order.side, Int(order.market))
            expected[Int(order.account) * assetCount + Int(asset), default: 0] += order.reserved
            if order.reserved < 0 || order.remainingQuantity <= 0 {
                problems.append("order \(order.id): reserved \(order.reserved), remaining \(order.remainingQuantity)")
            }
        }
        for withdrawal in withdrawals.values {
            expected[Int(withdrawal.account) * assetCount + Int(withdrawal.asset), default: 0] += withdrawal.amount
        }
        ledger.forEachBalance { account, asset, balance in
            let owed = expected[Int(account) * assetCount + Int(asset), default: 0]
            if balance.locked != owed {
                problems.append("account \(account) asset \(asset): locked \(balance.locked), reservations \(owed)")
            }
        }
    }

    private func checkBook(_ market: MarketState<Book>, _ id: MarketId, _ problems: inout [String]) {
        if market.book.isCrossed { problems.append("market \(id): book crossed") }
        for side in Side.allCases {
            market.book.forEach(side) { order in
                if let problem = restingProblem(order, side, id, market) {
                    problems.append("order \(order.id) on market \(id): \(problem)")
                }
                return true
            }
        }
    }

    private func restingProblem(_ order: Order, _ side: Side, _ id: MarketId, _ market: MarketState<Book>) -> String? {
        guard order.status.isOpen, order.side == side, order.market == id, !order.isPendingTrigger else {
            return "resting in the wrong place or state \(order.status)"
        }
        guard order.visibleQuantity > 0, order.visibleQuantity <= order.remainingQuantity else {
            return "visible \(order.visibleQuantity) of remaining \(order.remainingQuantity)"
        }
        guard market.spec.filters.price.tickSize == 0 || order.price % market.spec.filters.price.tickSize == 0 else {
            return "price \(order.price) off the tick"
        }
        let owed = side == .sell ? order.remainingQuantity
            : market.notional.valueRoundedUp(price: order.price, quantity: order.remainingQuantity)
        return owed == order.reserved ? nil : "reserves \(order.reserved), owes \(String(describing: owed))"
    }

    private func checkIndexes(_ open: [Order], _ problems: inout [String]) {
        var counts = OpenOrderCounts()
        var clientIds: [ClientOrderKey: OrderId] = [:]
        for order in open {
            counts.increment(order.account, order.market)
            if !order.clientOrderId.isEmpty {
                clientIds[ClientOrderKey(account: order.account, clientOrderId: order.clientOrderId)] = order.id
            }
        }
        if counts != openOrderCounts { problems.append("open-order counts disagree with the open orders") }
        if clientIds != clientOrderIds { problems.append("client-id index disagrees with the open orders") }
    }
}
