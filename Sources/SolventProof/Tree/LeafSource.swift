/// What goes into each leaf slot: the account shuffled there, its balances, its leaf hash.
struct LeafSource: Sendable {
    let snapshot: LiabilitySnapshot
    let order: AccountOrder
    let sortedAtLeaf: [UInt32]
    let epoch: UInt64
    let master: Hash256

    var assetCount: Int { snapshot.assets.count }

    /// Per-thread state: the hasher's buffer and the master key's absorbed pads.
    struct Worker {
        var hasher: TreeHasher
        let master: KeyedHash
    }

    func makeWorker() -> Worker {
        Worker(hasher: TreeHasher(assetCount: assetCount), master: KeyedHash(key: master))
    }

    /// The snapshot row shuffled into slot `leaf`.
    @inline(__always)
    func row(atLeaf leaf: Int) -> Int {
        order.row(ofSorted: Int(sortedAtLeaf[leaf]))
    }

    /// The hash of slot `leaf`, whose row's balances start at `balances`.
    func leafHash(_ leaf: Int, balances: UnsafePointer<UInt64>, worker: inout Worker) -> Hash256 {
        let accountId = order.sortedIds[Int(sortedAtLeaf[leaf])]
        let secret = TreeSecrets.userSecret(worker.master, accountId: accountId)
        let commitment = secret.commitment(accountId: accountId, epoch: epoch)
        return worker.hasher.leaf(epoch: epoch, index: UInt64(leaf), commitment: commitment, balances: balances)
    }
}
