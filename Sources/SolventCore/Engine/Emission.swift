/// How the engine reports: every event goes through these, so their order is defined in one place.
extension Engine {
    mutating func reject(_ reason: RejectReason, stage: Rejection.Stage) {
        output.append(.rejected(Rejection(reason, stage: stage)))
    }

    mutating func emit(_ execution: ExecutionType, _ order: Order, _ detail: OrderEvent.Detail = .none) {
        output.append(.order(OrderEvent(execution: execution, order: order, detail: detail, time: now)))
    }

    /// Notes that a balance changed; one `.balance` event per touched pair closes the command, and
    /// stamps the account's `balancesUpdatedAt`.
    @inline(__always)
    mutating func touch(_ account: AccountId, _ asset: AssetId) {
        let key = BalanceKey(account: account, asset: asset)
        touched.insert(key)
    }

    mutating func emitTouchedBalances() {
        for index in 0..<touched.count {
            let key = touched[index]
            let balance = ledger.balance(key.account, key.asset)
            ledger.noteBalancesChanged(key.account, at: now)
            output.append(.balance(BalanceChange(account: key.account, asset: key.asset, free: balance.free,
                                                 locked: balance.locked, time: now)))
        }
        touched.removeAll()
    }
}
