/// One account's proof that its balances are counted in an epoch's tree: its leaf and the
/// (hash, sums) of each sibling on the way to the root, bottom-up.
public struct InclusionProof: Hashable, Sendable {
    public var version: UInt16 = ProofFormat.version
    public var exchangeId: String
    public var epoch: UInt64
    /// The `hash` of the epoch header whose root this proof reaches.
    public var headerHash: Hash256
    /// The asset order of `balances` and of every sibling's sums; must equal the header's.
    public var assets: [ProofAsset]
    public var leafIndex: UInt64
    /// The leaf's hash as the exchange computed it; the verifier recomputes it from the user's secret.
    public var leafHash: Hash256
    public var balances: [UInt64]
    /// `path[l]` is the sibling at level `l`; as many steps as the tree is tall.
    public var path: [PathStep]

    public init(exchangeId: String, epoch: UInt64, headerHash: Hash256, assets: [ProofAsset], leafIndex: UInt64,
                leafHash: Hash256, balances: [UInt64], path: [PathStep]) {
        self.exchangeId = exchangeId
        self.epoch = epoch
        self.headerHash = headerHash
        self.assets = assets
        self.leafIndex = leafIndex
        self.leafHash = leafHash
        self.balances = balances
        self.path = path
    }
}

/// A sibling on a proof's path: its hash and its per-asset sums.
public struct PathStep: Hashable, Sendable {
    public var hash: Hash256
    public var sums: [UInt128]

    public init(hash: Hash256, sums: [UInt128]) {
        self.hash = hash
        self.sums = sums
    }
}
