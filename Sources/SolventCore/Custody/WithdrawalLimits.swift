/// Rolling 24-hour withdrawal limits of one asset: per account, and over the whole exchange.
/// What counts is every withdrawal to an address requested in the window (a released one
/// included, as Binance's quota counts requests); an operator's hold is not limited.
public struct WithdrawalLimits: Hashable, Sendable {
    public static let windowMilliseconds: Timestamp = 24 * 60 * 60 * 1_000
    public static let none = WithdrawalLimits(perAccount: .max, perAsset: .max)

    public var perAccount: Amount
    public var perAsset: Amount

    public init(perAccount: Amount, perAsset: Amount) {
        self.perAccount = perAccount
        self.perAsset = perAsset
    }

    var isValid: Bool { perAccount >= 0 && perAsset >= 0 }
}

/// A withdrawal to an address, remembered for the rolling window.
struct RecentWithdrawal: Hashable, Sendable {
    var time: Timestamp
    var account: AccountId
    var asset: AssetId
    var amount: Amount
}

extension CustodyRecords {
    /// Forgets what left the window before `now`, then whether `amount` more fits both limits.
    mutating func withdrawalFits(_ account: AccountId, _ asset: AssetId, _ amount: Amount, now: Timestamp) -> Bool {
        recentWithdrawals.removeAll { $0.time <= now - WithdrawalLimits.windowMilliseconds }
        let limits = withdrawalLimits[asset] ?? .none
        var byAccount = Int128(amount)
        var byAsset = Int128(amount)
        for recent in recentWithdrawals where recent.asset == asset {
            byAsset += Int128(recent.amount)
            if recent.account == account { byAccount += Int128(recent.amount) }
        }
        return byAccount <= Int128(limits.perAccount) && byAsset <= Int128(limits.perAsset)
    }
}
