/// The custody invariants (number 7 in `InvariantCheck.swift`).
///
/// - Conservation as the custodian states it, per asset: Σ over accounts of (free + what open
///   orders reserve) + Σ pending withdrawals == Σ deposits (operator and credited chain deposits)
///   − Σ confirmed withdrawals (net of the fees the fee account kept). Pending chain deposits
///   count nowhere until credited.
/// - Credited chain deposits never sum to more than the deposits.
/// - A pending withdrawal keeps a fee in [0, amount); one that pays an address has it, one
///   awaiting approval or broadcast pays an address, one broadcast names its transaction.
/// - Every chain deposit record has an id below the next one, and the outpoint index holds
///   exactly the records' outpoints, each once: the same outpoint cannot be credited twice.
/// - A frozen account has no open order.
extension Engine {
    func checkCustody(_ open: [Order], _ problems: inout [String]) {
        checkCustodyConservation(open, &problems)
        for (id, pending) in withdrawals {
            if let problem = withdrawalProblem(id, pending) { problems.append("withdrawal \(id): \(problem)") }
        }
        checkDeposits(&problems)
        for order in open where ledger.contains(order.account) && ledger.accounts[Int(order.account)].frozen {
            problems.append("order \(order.id) is open on frozen account \(order.account)")
        }
    }

    private func checkCustodyConservation(_ open: [Order], _ problems: inout [String]) {
        var held = [Int128](repeating: 0, count: assets.count)
        ledger.forEachBalance { _, asset, balance in held[Int(asset)] += Int128(balance.free) }
        for order in open {
            held[Int(reservedAsset(order.side, Int(order.market)))] += Int128(order.reserved)
        }
        for pending in withdrawals.values where Int(pending.asset) < assets.count {
            held[Int(pending.asset)] += Int128(pending.amount)
        }
        var credited = [Int128](repeating: 0, count: assets.count)
        for record in custody.deposits.values where record.state == .credited && Int(record.deposit.asset) < assets.count {
            credited[Int(record.deposit.asset)] += Int128(record.deposit.amount)
        }
        for asset in 0..<assets.count {
            let expected = Int128(ledger.deposited[asset]) - Int128(ledger.withdrawn[asset])
            if held[asset] != expected {
                problems.append("asset \(asset): balances + pending withdrawals \(held[asset]), expected \(expected)")
            }
            if credited[asset] > Int128(ledger.deposited[asset]) {
                problems.append("asset \(asset): chain deposits credited \(credited[asset]) > deposited \(ledger.deposited[asset])")
            }
        }
    }

    private func withdrawalProblem(_ id: WithdrawalId, _ pending: PendingWithdrawal) -> String? {
        guard id > 0, id < counters.nextWithdrawalId else { return "id out of range" }
        guard ledger.contains(pending.account), Int(pending.asset) < assets.count else { return "unknown account or asset" }
        guard pending.amount > 0, pending.fee >= 0, pending.fee < pending.amount else {
            return "amount \(pending.amount), fee \(pending.fee)"
        }
        if pending.destination.isEmpty && (pending.fee != 0 || pending.state != .approved) {
            return "an operator's hold with fee \(pending.fee) in state \(pending.state)"
        }
        if pending.state == .broadcast && pending.txid.isEmpty { return "broadcast without a transaction" }
        if pending.state != .broadcast && !pending.txid.isEmpty { return "a transaction before broadcast" }
        return nil
    }

    private func checkDeposits(_ problems: inout [String]) {
        var outpoints: [ChainOutpoint: DepositId] = [:]
        for (id, record) in custody.deposits {
            if id <= 0 || id >= custody.nextDepositId { problems.append("deposit \(id): id out of range") }
            if record.deposit.amount <= 0 { problems.append("deposit \(id): amount \(record.deposit.amount)") }
            if record.state != .credited && record.creditedAt != 0 {
                problems.append("deposit \(id): a credit time without a credit")
            }
            if outpoints.updateValue(id, forKey: record.deposit.outpoint) != nil {
                problems.append("deposit \(id): outpoint recorded twice")
            }
        }
        if outpoints != custody.depositsByOutpoint { problems.append("deposit outpoint index disagrees with the deposits") }
    }
}
