import SolventCore

extension LiabilitySnapshot {
    /// Every account's free + locked balance of every listed asset, read from the exchange's ledger.
    ///
    /// Every account is included, the fee account (id 0) too: its balance is the exchange's own
    /// income, not a customer's, but it is part of what the exchange holds, so counting it keeps
    /// the root sums equal to the ledger's totals (deposited − withdrawn, checkable by anyone with
    /// the journal) and only ever overstates liabilities, never hides one. Locked amounts include
    /// open orders and pending withdrawals: the user still owns them until a withdrawal confirms.
    public init(exchange: Exchange) {
        let engine = exchange.engine
        let assets = engine.assets.map { spec in
            guard let asset = ProofAsset(symbol: spec.name, scale: Int(spec.scale)) else {
                preconditionFailure("listed asset \(spec.name) has no valid proof name")
            }
            return asset
        }
        let ledger = engine.ledger
        self.init(assets: assets, reservingCapacity: ledger.accountCount)
        var row = [UInt64](repeating: 0, count: assets.count)
        for account in 0..<ledger.accountCount {
            for asset in assets.indices {
                let total = ledger.balance(AccountId(account), AssetId(asset)).total
                // The core forbids negative balances; a negative one here is a broken ledger.
                guard let units = UInt64(exactly: total) else { preconditionFailure("negative balance in the ledger") }
                row[asset] = units
            }
            append(accountId: UInt64(account), balances: row)
        }
    }
}
