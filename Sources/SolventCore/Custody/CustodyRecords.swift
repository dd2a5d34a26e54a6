/// The custody state the engine keeps beside the ledger: every chain deposit it has seen (kept
/// after crediting, because exactly-once needs to remember), and each asset's chain cursor.
/// Withdrawals in flight are `Engine.withdrawals`, the holds the ledger's locked balances carry.
struct CustodyRecords: Hashable {
    var deposits: [DepositId: DepositRecord] = [:]
    /// Derived from `deposits` (never encoded): what a re-scan of the chain is checked against.
    var depositsByOutpoint: [ChainOutpoint: DepositId] = [:]
    var nextDepositId: DepositId = 1
    var chainCursors: [AssetId: ChainCursor] = [:]
    var withdrawalLimits: [AssetId: WithdrawalLimits] = [:]
    /// Withdrawals to an address in the last 24 hours, oldest first.
    var recentWithdrawals: [RecentWithdrawal] = []
    /// Accounts whose protections differ from the default (no book, no allow-list, no lock).
    var protections: [AccountId: WithdrawalProtection] = [:]

    mutating func insert(_ record: DepositRecord, id: DepositId) {
        deposits[id] = record
        depositsByOutpoint[record.deposit.outpoint] = id
    }
}

/// Bounds of the text custody commands carry; the binary form refuses longer text.
public enum CustodyText {
    /// Addresses, transaction ids, block hashes, client withdrawal ids.
    public static let chainLengthMax = 128
    /// Operator names, reasons and references.
    public static let noteLengthMax = 512

    /// Chain text is 1...`chainLengthMax` printable ASCII characters without spaces: what every
    /// chain's addresses and hashes are, and nothing that could hide in a log line.
    public static func isChainText(_ text: String) -> Bool {
        let bytes = text.utf8
        return (1...chainLengthMax).contains(bytes.count) && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
