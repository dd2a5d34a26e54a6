/// Exchange-wide chain deposit id, increasing from 1 in the order deposits are first seen.
public typealias DepositId = Int64

/// Where a deposit sits on its chain: the transaction and the output within it (Bitcoin's txid
/// and vout; on an account chain the transaction hash and the transfer's log index). It is what
/// makes a deposit the same deposit when the chain is scanned again, so it is what exactly-once
/// is keyed on.
public struct ChainOutpoint: Hashable, Sendable {
    public var txid: String
    public var vout: UInt32

    public init(txid: String, vout: UInt32) {
        self.txid = txid
        self.vout = vout
    }
}

/// A deposit seen on the chain to one of an account's deposit addresses: journaled when first
/// seen, credited once it has its confirmations.
public struct ChainDeposit: Hashable, Sendable {
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    public var outpoint: ChainOutpoint
    /// The deposit address it arrived at; the account is what it is credited to.
    public var address: String

    public init(account: AccountId, asset: AssetId, amount: Amount, outpoint: ChainOutpoint, address: String) {
        self.account = account
        self.asset = asset
        self.amount = amount
        self.outpoint = outpoint
        self.address = address
    }
}

/// A chain deposit the exchange knows of, and how far it has come.
///
/// Reorg policy: a deposit dropped by a reorg before it was credited is `dropped` and may come
/// back (the same outpoint mined again) as pending. A deposit already credited is never taken
/// back by the engine: the required confirmations are the exchange's bet, and a reorg deeper
/// than that is the exchange's loss, reported to the operator (who may freeze the account), not
/// a silent rewrite of a user's balance and history. `dropDeposit` of a credited deposit is
/// therefore refused with `depositAlreadyCredited`.
public struct DepositRecord: Hashable, Sendable {
    public enum State: UInt8, CaseIterable, Sendable {
        case pending = 0
        case credited = 1
        case dropped = 2
    }

    public var deposit: ChainDeposit
    public var state: State
    /// When it was first seen, and when it was credited (0 until then).
    public var seenAt: Timestamp
    public var creditedAt: Timestamp

    public init(deposit: ChainDeposit, state: State, seenAt: Timestamp, creditedAt: Timestamp = 0) {
        self.deposit = deposit
        self.state = state
        self.seenAt = seenAt
        self.creditedAt = creditedAt
    }
}

/// How far the deposit watcher has read one asset's chain: journaled, so a restart resumes
/// from here instead of rescanning from the genesis block.
public struct ChainCursor: Hashable, Sendable {
    public var height: Int64
    public var blockHash: String

    public init(height: Int64, blockHash: String) {
        self.height = height
        self.blockHash = blockHash
    }
}
