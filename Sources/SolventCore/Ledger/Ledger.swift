/// Every account's free and locked balance of every asset, and the totals that make conservation
/// checkable: per asset, Σ over accounts of (free + locked) == deposited − withdrawn.
///
/// Balances sit in one flat array, account-major (`account × assetCount + asset`), so an order's
/// two assets for one account are next to each other in memory.
public struct Ledger: Hashable, Sendable {
    public private(set) var accounts: [Account] = []
    var balances: [Balance] = []
    public private(set) var assetCount = 0
    /// Σ deposits per asset.
    public internal(set) var deposited: [Amount] = []
    /// Σ confirmed withdrawals per asset.
    public internal(set) var withdrawn: [Amount] = []

    public init() {}

    public var accountCount: Int { accounts.count }

    public func contains(_ account: AccountId) -> Bool { Int(account) < accounts.count }

    public func balance(_ account: AccountId, _ asset: AssetId) -> Balance {
        guard contains(account), Int(asset) < assetCount else { return .zero }
        return balances[index(account, asset)]
    }

    // MARK: Shape

    mutating func openAccount(_ account: Account) -> AccountId {
        accounts.append(account)
        balances.append(contentsOf: repeatElement(.zero, count: assetCount))
        return AccountId(accounts.count - 1)
    }

    mutating func setAccount(_ id: AccountId, _ account: Account) {
        accounts[Int(id)] = account
    }

    /// Stamps the account's `balancesUpdatedAt`; one store, called once per touched balance.
    @inline(__always)
    mutating func noteBalancesChanged(_ id: AccountId, at time: Timestamp) {
        accounts[Int(id)].balancesUpdatedAt = time
    }

    /// Widens every account by one asset; rare (listing), so the re-layout cost does not matter.
    mutating func addAsset() {
        var widened: [Balance] = []
        widened.reserveCapacity(accounts.count * (assetCount + 1))
        for account in 0..<accounts.count {
            let start = account * assetCount
            widened.append(contentsOf: balances[start..<start + assetCount])
            widened.append(.zero)
        }
        balances = widened
        assetCount += 1
        deposited.append(0)
        withdrawn.append(0)
    }

    // MARK: Movements (callers have checked that the source holds enough)

    mutating func deposit(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        balances[index(account, asset)].free += amount
        deposited[Int(asset)] += amount
    }

    /// free → locked
    @inline(__always)
    mutating func lock(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        let at = index(account, asset)
        assert(balances[at].free >= amount, "locking more than is free")
        balances[at].free -= amount
        balances[at].locked += amount
    }

    /// locked → free
    @inline(__always)
    mutating func unlock(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        let at = index(account, asset)
        assert(balances[at].locked >= amount, "unlocking more than is locked")
        balances[at].locked -= amount
        balances[at].free += amount
    }

    /// Takes `amount` out of the account's locked balance (it is moving to someone else).
    @inline(__always)
    mutating func debitLocked(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        let at = index(account, asset)
        assert(balances[at].locked >= amount, "debiting more than is locked")
        balances[at].locked -= amount
    }

    @inline(__always)
    mutating func creditFree(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        balances[index(account, asset)].free += amount
    }

    /// A confirmed withdrawal leaves the exchange from the locked hold.
    mutating func withdrawLocked(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        debitLocked(account, asset, amount)
        withdrawn[Int(asset)] += amount
    }

    @inline(__always)
    private func index(_ account: AccountId, _ asset: AssetId) -> Int {
        Int(account) &* assetCount &+ Int(asset)
    }
}

extension Ledger {
    /// Σ (free + locked) of one asset over every account, fee account included.
    public func total(_ asset: AssetId) -> Int128 {
        var sum: Int128 = 0
        for account in 0..<accounts.count {
            sum += Int128(balances[account * assetCount + Int(asset)].total)
        }
        return sum
    }

    /// Visits every (account, asset, balance) in account-major order.
    public func forEachBalance(_ body: (AccountId, AssetId, Balance) -> Void) {
        for (at, balance) in balances.enumerated() {
            body(AccountId(at / assetCount), AssetId(at % assetCount), balance)
        }
    }
}
