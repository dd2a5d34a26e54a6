/// One account's proof that its balances are counted in an epoch's tree: its two leaves (one
/// share of its balances each, share 0 in the tree's left half, share 1 in its right half) and,
/// for each, the (hash, sums) of every sibling on the way to the root, bottom-up.
public struct InclusionProof: Hashable, Sendable {
    public var version: UInt16 = ProofFormat.version
    public var exchangeId: String
    public var epoch: UInt64
    /// The `hash` of the epoch header whose root this proof reaches.
    public var headerHash: Hash256
    /// The asset order of every balance and sum; must equal the header's.
    public var assets: [ProofAsset]
    /// `leaves[s]` holds share `s`; a valid proof has `ProofFormat.shareCount` of them.
    public var leaves: [ProofLeaf]

    public init(exchangeId: String, epoch: UInt64, headerHash: Hash256, assets: [ProofAsset], leaves: [ProofLeaf]) {
        self.exchangeId = exchangeId
        self.epoch = epoch
        self.headerHash = headerHash
        self.assets = assets
        self.leaves = leaves
    }
}

/// One leaf of a proof: its slot, its hash as the exchange computed it (the verifier recomputes
/// it from the user's secret), the share of the balances it holds, and its path.
public struct ProofLeaf: Hashable, Sendable {
    public var index: UInt64
    public var hash: Hash256
    public var balances: [UInt64]
    /// `path[l]` is the sibling at level `l`; as many steps as the tree is tall.
    public var path: [PathStep]

    public init(index: UInt64, hash: Hash256, balances: [UInt64], path: [PathStep]) {
        self.index = index
        self.hash = hash
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
