/// What the exchange publishes (and signs) for one epoch: which state the tree was built from,
/// the tree's root and per-asset totals, and the reserves it claims against them.
public struct EpochHeader: Hashable, Sendable {
    public var version: UInt16 = ProofFormat.version
    /// Names the exchange (`ProofAsset.isValidName` rules), so one exchange's header is no other's.
    public var exchangeId: String
    public var epoch: UInt64
    /// `hash` of the previous epoch's header; zero for the first epoch.
    public var previousHeaderHash: Hash256
    /// When the snapshot was taken, in milliseconds since the Unix epoch (engine time).
    public var snapshotTimeMs: UInt64
    /// How many journal records the snapshot includes, and the RFC 9162 root over them.
    public var journalSize: UInt64
    public var journalRoot: Hash256
    /// The assets in leaf order, with their scales.
    public var assets: [ProofAsset]
    public var height: Int
    public var rootHash: Hash256
    /// Liabilities per asset: the tree's root sums.
    public var rootSums: [UInt128]
    /// The reserves the exchange claims per asset, in the asset's units.
    public var reserves: [UInt128]
    /// Which signing key signed this header (see `KeyId`); set by `sign(with:)`.
    public var keyId: KeyId

    public init(exchangeId: String, epoch: UInt64, previousHeaderHash: Hash256, snapshotTimeMs: UInt64,
                journalSize: UInt64, journalRoot: Hash256, assets: [ProofAsset], height: Int,
                rootHash: Hash256, rootSums: [UInt128], reserves: [UInt128], keyId: KeyId = .zero) {
        precondition(ProofAsset.isValidName(exchangeId), "exchange ids follow the asset symbol rules")
        precondition(rootSums.count == assets.count && reserves.count == assets.count, "one figure per asset")
        precondition((ProofFormat.heightMin...ProofFormat.heightMax).contains(height), "height within heightMin…heightMax")
        self.exchangeId = exchangeId
        self.epoch = epoch
        self.previousHeaderHash = previousHeaderHash
        self.snapshotTimeMs = snapshotTimeMs
        self.journalSize = journalSize
        self.journalRoot = journalRoot
        self.assets = assets
        self.height = height
        self.rootHash = rootHash
        self.rootSums = rootSums
        self.reserves = reserves
        self.keyId = keyId
    }

    /// The header of `tree`: its epoch, assets, height, root and root sums, with the caller's
    /// journal position and reserves (one per asset, in the tree's asset order).
    public init(tree: LiabilityTree, exchangeId: String, previousHeaderHash: Hash256, snapshotTimeMs: UInt64,
                journalSize: UInt64, journalRoot: Hash256, reserves: [UInt128]) {
        self.init(exchangeId: exchangeId, epoch: tree.epoch, previousHeaderHash: previousHeaderHash,
                  snapshotTimeMs: snapshotTimeMs, journalSize: journalSize, journalRoot: journalRoot,
                  assets: tree.assets, height: tree.height, rootHash: tree.rootHash, rootSums: tree.rootSums,
                  reserves: reserves)
    }
}

/// The first 8 bytes of SHA-256 of an Ed25519 public key: names the key in a header without
/// repeating it, so a verifier can tell "signed by another key" from "signature broken".
public struct KeyId: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 8
    public static let zero = KeyId(value: 0)
    public let value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    /// The id of the key whose 32 raw bytes are `publicKey`.
    public init(publicKey: [UInt8]) {
        let digest = publicKey.withUnsafeBytes { sha256($0) }.bytes
        value = digest.prefix(Self.byteCount).reduce(0) { $0 << 8 | UInt64($1) }
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.appendBigEndian(value)
        return out
    }

    public var description: String { Hex.encode(bytes) }
}
