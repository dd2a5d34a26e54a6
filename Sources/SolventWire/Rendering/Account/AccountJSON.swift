import SolventCore

/// One asset's line in `balances[]`: its name and scale, and the core's balance.
public struct AssetBalance: Sendable, Hashable {
    public var asset: String
    public var scale: Scale
    public var balance: Balance

    public init(asset: String, scale: Scale, balance: Balance) {
        self.asset = asset
        self.scale = scale
        self.balance = balance
    }
}

/// What `GET /api/v3/account` reports about one account.
public struct AccountSnapshot: Sendable, Hashable {
    /// `uid`: the account's number.
    public var uid: Int64
    public var fees: FeeSchedule
    public var canTrade: Bool
    /// `updateTime`: when one of the account's balances last changed (engine time, ms), so a
    /// user can tell whether anything moved since, say, an epoch's snapshot.
    public var updateTime: Timestamp
    /// In the order to print them (Binance lists assets alphabetically).
    public var balances: [AssetBalance]

    public init(uid: Int64, fees: FeeSchedule, canTrade: Bool, updateTime: Timestamp, balances: [AssetBalance]) {
        self.uid = uid
        self.fees = fees
        self.canTrade = canTrade
        self.updateTime = updateTime
        self.balances = balances
    }
}

/// The answer to `GET /api/v3/account` (spec §3.4).
public enum AccountJSON {
    /// Scale of `commissionRates`: a rate of 10 bp is "0.00100000".
    static let rateScale: Scale = 8

    /// `omitZeroBalances` leaves out assets with nothing free and nothing locked.
    public static func render(_ account: AccountSnapshot, omitZeroBalances: Bool = false) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 + account.balances.count * 64)
        writer.beginObject()
        writer.field("makerCommission", Int64(account.fees.makerBasisPoints))
        writer.field("takerCommission", Int64(account.fees.takerBasisPoints))
        // Buyer/seller surcharges do not exist here; Binance reports them as zero too.
        writer.field("buyerCommission", 0)
        writer.field("sellerCommission", 0)
        writer.key("commissionRates")
        writer.beginObject()
        writer.decimalField("maker", rate(basisPoints: account.fees.makerBasisPoints), scale: rateScale)
        writer.decimalField("taker", rate(basisPoints: account.fees.takerBasisPoints), scale: rateScale)
        writer.decimalField("buyer", 0, scale: rateScale)
        writer.decimalField("seller", 0, scale: rateScale)
        writer.endObject()
        writer.field("canTrade", account.canTrade)
        writer.field("canWithdraw", true)
        writer.field("canDeposit", true)
        writer.field("brokered", false)
        writer.field("requireSelfTradePrevention", false)
        writer.field("preventSor", false)
        writer.field("updateTime", account.updateTime)
        writer.field("accountType", "SPOT")
        writeBalances(account.balances, omitZero: omitZeroBalances, to: &writer)
        writer.key("permissions")
        writer.array { $0.string("SPOT") }
        writer.field("uid", account.uid)
        writer.endObject()
        return writer.finish()
    }

    /// A rate in basis points (1/10,000) as units of 10^-8: 10 bp → 100,000 → "0.00100000".
    static func rate(basisPoints: Int32) -> Int64 {
        Int64(basisPoints) * (unitsPerWhole(rateScale) / 10_000)
    }

    private static func writeBalances(_ balances: [AssetBalance], omitZero: Bool, to writer: inout JSONWriter) {
        writer.key("balances")
        writer.beginArray()
        for line in balances where !(omitZero && line.balance.free == 0 && line.balance.locked == 0) {
            writer.beginObject()
            writer.field("asset", line.asset)
            writer.decimalField("free", line.balance.free, scale: line.scale)
            writer.decimalField("locked", line.balance.locked, scale: line.scale)
            writer.endObject()
        }
        writer.endArray()
    }
}
