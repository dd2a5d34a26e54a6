import SolventCore

/// The wallet API's response shapes (wallet spec §2): amounts as decimal strings, statuses as
/// integers, deposit times as ms, withdrawal times as UTC "YYYY-MM-DD HH:MM:SS".
public enum WalletJSON {
    /// One coin of `capital/config/getall`, with its one network.
    public struct Coin: Sendable {
        public var asset: AssetSpec
        public var network: String
        public var balance: Balance
        public var enabled: Bool
        public var withdrawFee: Amount
        public var confirmations: Int

        public init(asset: AssetSpec, network: String, balance: Balance, enabled: Bool, withdrawFee: Amount, confirmations: Int) {
            self.asset = asset
            self.network = network
            self.balance = balance
            self.enabled = enabled
            self.withdrawFee = withdrawFee
            self.confirmations = confirmations
        }
    }

    /// A deposit or withdrawal as the histories show it.
    public struct Transfer: Sendable {
        public var id: Int64
        public var asset: AssetSpec
        public var network: String
        public var amount: Amount
        public var fee: Amount
        public var status: Int64
        public var address: String
        public var txid: String
        public var time: Timestamp
        public var completeTime: Timestamp?
        public var confirmations: String
        public var clientId: String

        public init(id: Int64, asset: AssetSpec, network: String, amount: Amount, fee: Amount = 0, status: Int64,
                    address: String, txid: String, time: Timestamp, completeTime: Timestamp?,
                    confirmations: String = "", clientId: String = "") {
            self.id = id
            self.asset = asset
            self.network = network
            self.amount = amount
            self.fee = fee
            self.status = status
            self.address = address
            self.txid = txid
            self.time = time
            self.completeTime = completeTime
            self.confirmations = confirmations
            self.clientId = clientId
        }
    }

    public static func systemStatus() -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.object { $0.field("status", Int64(0)); $0.field("msg", "normal") }
        return writer.finish()
    }

    public static func accountStatus(frozen: Bool) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.object { $0.field("data", frozen ? "Frozen" : "Normal") }
        return writer.finish()
    }

    public static func coins(_ coins: [Coin]) -> [UInt8] {
        var writer = JSONWriter(capacity: 1_024 * max(1, coins.count))
        writer.array { writer in
            for coin in coins { writer.object { self.coin(coin, &$0) } }
        }
        return writer.finish()
    }

    private static func coin(_ coin: Coin, _ writer: inout JSONWriter) {
        let scale = coin.asset.scale
        writer.field("coin", coin.asset.name)
        writer.field("name", coin.asset.name)
        writer.field("depositAllEnable", coin.enabled)
        writer.field("withdrawAllEnable", coin.enabled)
        writer.decimalField("free", coin.balance.free, scale: scale)
        writer.decimalField("locked", coin.balance.locked, scale: scale)
        for zero in ["freeze", "withdrawing", "ipoing", "ipoable", "storage"] { writer.decimalField(zero, 0, scale: scale) }
        writer.field("isLegalMoney", false)
        writer.field("trading", true)
        writer.key("networkList")
        writer.array { writer in
            writer.object { writer in
                writer.field("network", coin.network)
                writer.field("coin", coin.asset.name)
                writer.field("name", coin.network)
                writer.field("isDefault", true)
                writer.field("depositEnable", coin.enabled)
                writer.field("withdrawEnable", coin.enabled)
                writer.field("depositDesc", coin.enabled ? "" : "No chain is connected.")
                writer.field("withdrawDesc", coin.enabled ? "" : "No chain is connected.")
                writer.field("specialTips", "")
                writer.field("specialWithdrawTips", "")
                writer.field("addressRegex", "")
                writer.field("addressRule", "")
                writer.field("memoRegex", "")
                writer.decimalField("withdrawFee", coin.withdrawFee, scale: scale)
                // One smallest unit more than the fee: -4028 refuses anything not above it.
                writer.decimalField("withdrawMin", coin.withdrawFee + 1, scale: scale)
                writer.decimalField("withdrawMax", Int64.max, scale: scale)
                writer.decimalField("withdrawIntegerMultiple", 1, scale: scale)
                writer.decimalField("withdrawInternalMin", 1, scale: scale)
                writer.decimalField("depositDust", 1, scale: scale)
                writer.field("minConfirm", Int64(coin.confirmations))
                writer.field("unLockConfirm", Int64(0))
                writer.field("sameAddress", false)
                writer.field("withdrawTag", false)
                writer.field("estimatedArrivalTime", Int64(1))
                writer.field("busy", false)
                writer.field("denomination", Int64(1))
            }
        }
    }

    public static func depositAddress(_ address: String, coin: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.object { writer in
            writer.field("address", address)
            writer.field("coin", coin)
            writer.field("tag", "")
            writer.field("url", "")
        }
        return writer.finish()
    }

    public static func deposits(_ deposits: [Transfer]) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * max(1, deposits.count))
        writer.array { writer in
            for deposit in deposits {
                writer.object { writer in
                    writer.field("id", "\(deposit.id)")
                    writer.decimalField("amount", deposit.amount, scale: deposit.asset.scale)
                    writer.field("coin", deposit.asset.name)
                    writer.field("network", deposit.network)
                    writer.field("status", deposit.status)
                    writer.field("address", deposit.address)
                    writer.field("addressTag", "")
                    writer.field("txId", deposit.txid)
                    writer.field("insertTime", deposit.time)
                    if let complete = deposit.completeTime { writer.field("completeTime", complete) }
                    writer.field("transferType", Int64(0))
                    writer.field("confirmTimes", deposit.confirmations)
                    writer.field("unlockConfirm", Int64(0))
                    writer.field("walletType", Int64(0))
                    writer.field("travelRuleStatus", Int64(0))
                }
            }
        }
        return writer.finish()
    }

    public static func withdrawalId(_ id: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.object { $0.field("id", withdrawalIdText(id)) }
        return writer.finish()
    }

    /// Binance's withdrawal ids are 32 hex digits; ours is the engine's id, zero-padded.
    public static func withdrawalIdText(_ id: Int64) -> String {
        let hex = String(UInt64(bitPattern: id), radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }

    public static func withdrawals(_ withdrawals: [Transfer]) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * max(1, withdrawals.count))
        writer.array { writer in
            for withdrawal in withdrawals {
                writer.object { writer in
                    let scale = withdrawal.asset.scale
                    writer.field("id", withdrawalIdText(withdrawal.id))
                    writer.decimalField("amount", withdrawal.amount, scale: scale)
                    writer.decimalField("transactionFee", withdrawal.fee, scale: scale)
                    writer.field("coin", withdrawal.asset.name)
                    writer.field("status", withdrawal.status)
                    writer.field("address", withdrawal.address)
                    writer.field("txId", withdrawal.txid)
                    writer.field("applyTime", utc(withdrawal.time))
                    writer.field("network", withdrawal.network)
                    writer.field("transferType", Int64(0))
                    if !withdrawal.clientId.isEmpty { writer.field("withdrawOrderId", withdrawal.clientId) }
                    writer.field("info", "")
                    writer.field("confirmNo", Int64(0))
                    writer.field("walletType", Int64(0))
                    writer.field("txKey", "")
                    if let complete = withdrawal.completeTime { writer.field("completeTime", utc(complete)) }
                }
            }
        }
        return writer.finish()
    }

    /// "YYYY-MM-DD HH:MM:SS" in UTC.
    public static func utc(_ milliseconds: Timestamp) -> String {
        let seconds = milliseconds / 1_000
        let (days, rest) = (seconds / 86_400, seconds % 86_400)
        let date = CivilCalendar.date(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60))"
    }
}
