import SolventCore
import SolventProof

/// The one seam between the exchange and a chain. One adapter per asset (each asset its own
/// wallet or endpoint); everything the exchange asks a chain goes through these calls.
public protocol ChainAdapter: Sendable {
    /// The asset this chain carries, and its scale (units per coin = 10^scale).
    var scale: Scale { get }

    /// The chain's best block.
    func tip() async throws -> ChainTip

    /// A fresh receiving address of the hot wallet, labelled (the label comes back with every
    /// transfer to it: it is how a deposit finds its account).
    func newAddress(label: String) async throws -> String

    /// What reached or left the wallet since `cursor` (from the start when nil), and the cursor to
    /// resume from: a block `confirmationsTarget - 1` below the tip, so a transfer with fewer
    /// confirmations than that is reported again next time. `removed` holds transfers a reorg took
    /// off the chain since the cursor.
    func transfers(since cursor: ChainCursor?, confirmationsTarget: Int) async throws -> ChainScan

    /// Confirmations of one of the wallet's transactions: nil if the chain does not know it, negative
    /// if it conflicts with one in the chain (it will never confirm).
    func confirmations(txid: String) async throws -> Int?

    /// Pays `amount` from the hot wallet to `address`, with `reference` recorded beside the
    /// transaction so that `sentTransaction(reference:)` finds it after a crash.
    func send(to address: String, amount: Amount, reference: String) async throws -> String

    /// The transaction the wallet sent with `reference`, if it sent one.
    func sentTransaction(reference: String) async throws -> String?

    /// The hot wallet's spendable balance.
    func balance() async throws -> Amount

    /// A signature by the key of `address` over `message` (proof of reserves), as the chain
    /// writes one (bitcoind: base64).
    func sign(message: String, address: String) async throws -> String

    /// Proof of reserves: the wallet's address whose key signs for it, that key, and its scheme.
    func reserveKey() async throws -> ReserveKey

    /// Proof of reserves: the wallet's balance confirmed at the tip (mempool excluded), and that tip.
    func confirmedBalance() async throws -> ConfirmedBalance
}

/// The address a wallet proves control of, its public key (empty when the signature carries
/// it, as a Bitcoin signed message does) and how it signs.
public struct ReserveKey: Hashable, Sendable {
    public var address: String
    public var publicKey: [UInt8]
    public var scheme: ReserveSignatureScheme

    public init(address: String, publicKey: [UInt8], scheme: ReserveSignatureScheme) {
        self.address = address
        self.publicKey = publicKey
        self.scheme = scheme
    }
}

/// A wallet's balance at the end of block `tip`.
public struct ConfirmedBalance: Hashable, Sendable {
    public var tip: ChainTip
    public var balance: Amount

    public init(tip: ChainTip, balance: Amount) {
        self.tip = tip
        self.balance = balance
    }
}

/// A chain's best block.
public struct ChainTip: Hashable, Sendable {
    public var height: Int64
    public var blockHash: String

    public init(height: Int64, blockHash: String) {
        self.height = height
        self.blockHash = blockHash
    }
}

/// One wallet transfer as the chain reports it.
public struct ChainTransfer: Hashable, Sendable {
    public enum Direction: Hashable, Sendable { case received, sent }

    public var direction: Direction
    public var outpoint: ChainOutpoint
    public var address: String
    /// The receiving address's label (empty when it has none).
    public var label: String
    /// Always positive: the direction says which way.
    public var amount: Amount
    /// 0 in the mempool, negative when conflicted.
    public var confirmations: Int
    /// What the sender recorded with a send (`reference` of `ChainAdapter.send`).
    public var comment: String

    public init(direction: Direction, outpoint: ChainOutpoint, address: String, label: String, amount: Amount,
                confirmations: Int, comment: String = "") {
        self.direction = direction
        self.outpoint = outpoint
        self.address = address
        self.label = label
        self.amount = amount
        self.confirmations = confirmations
        self.comment = comment
    }
}

/// What `transfers(since:)` found.
public struct ChainScan: Hashable, Sendable {
    public var transfers: [ChainTransfer]
    public var removed: [ChainTransfer]
    /// Where the next scan starts.
    public var cursor: ChainCursor

    public init(transfers: [ChainTransfer], removed: [ChainTransfer], cursor: ChainCursor) {
        self.transfers = transfers
        self.removed = removed
        self.cursor = cursor
    }
}
