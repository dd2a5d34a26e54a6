/// What the tree is built from: every account's balance of every asset, in the asset list's order,
/// in integer units of each asset. Stored flat (account-major) so ten million accounts are two
/// arrays, not ten million small ones.
public struct LiabilitySnapshot: Sendable {
    public let assets: [ProofAsset]
    /// One id per account; ids must be distinct (the builder refuses duplicates).
    public private(set) var accountIds: [UInt64] = []
    /// `balances[row × assets.count + asset]`: free + locked of that account and asset.
    public private(set) var balances: [UInt64] = []

    public init(assets: [ProofAsset], reservingCapacity accountCount: Int = 0) {
        precondition(assets.count <= ProofFormat.assetCountMax, "at most 256 assets")
        self.assets = assets
        accountIds.reserveCapacity(accountCount)
        balances.reserveCapacity(accountCount * assets.count)
    }

    /// The snapshot of `accounts`, each with one balance per asset.
    public init(assets: [ProofAsset], accounts: [LiabilityAccount]) {
        self.init(assets: assets, reservingCapacity: accounts.count)
        for account in accounts { append(accountId: account.accountId, balances: account.balances) }
    }

    public var accountCount: Int { accountIds.count }

    /// Adds one account; `balances` holds one amount per asset, in the asset list's order.
    public mutating func append(accountId: UInt64, balances amounts: some Collection<UInt64>) {
        precondition(amounts.count == assets.count, "one balance per asset")
        accountIds.append(accountId)
        balances.append(contentsOf: amounts)
    }

    public func balances(row: Int) -> ArraySlice<UInt64> {
        balances[row * assets.count..<(row + 1) * assets.count]
    }
}

/// One account's balances, for callers that have them one at a time.
public struct LiabilityAccount: Hashable, Sendable {
    public var accountId: UInt64
    /// Free + locked per asset, in the snapshot's asset order, in each asset's smallest unit.
    public var balances: [UInt64]

    public init(accountId: UInt64, balances: [UInt64]) {
        self.accountId = accountId
        self.balances = balances
    }
}
