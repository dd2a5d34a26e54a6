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

    /// Copies the ids and balances of slots `slots` into `gathered`, in slot order.
    func gather(_ slots: Range<Int>, into gathered: inout GatheredLeaves) {
        let assets = assetCount
        snapshot.balances.withUnsafeBufferPointer { source in
            gathered.fill(count: slots.count) { ids, balances in
                for (at, leaf) in slots.enumerated() {
                    let sorted = Int(sortedAtLeaf[leaf])
                    ids[at] = order.sortedIds[sorted]
                    let row = source.baseAddress! + order.row(ofSorted: sorted) * assets
                    (balances + at * assets).update(from: row, count: assets)
                }
            }
        }
    }

    /// The hash of slot `leaf`, holding `accountId` with the balances at `balances`.
    func leafHash(_ leaf: Int, accountId: UInt64, balances: UnsafePointer<UInt64>, worker: inout Worker) -> Hash256 {
        let secret = TreeSecrets.userSecret(worker.master, accountId: accountId)
        let commitment = secret.commitment(accountId: accountId, epoch: epoch)
        return worker.hasher.leaf(epoch: epoch, index: UInt64(leaf), commitment: commitment, balances: balances)
    }
}

/// A batch of consecutive slots' account ids and balances, copied out of the snapshot.
struct GatheredLeaves {
    private(set) var ids: [UInt64]
    private var balances: [UInt64]
    private let assets: Int

    init(capacity: Int, assets: Int) {
        self.assets = assets
        ids = [UInt64](repeating: 0, count: capacity)
        balances = [UInt64](repeating: 0, count: capacity * assets)
    }

    mutating func fill(count: Int, _ body: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>) -> Void) {
        precondition(count <= ids.count, "a batch fits its buffers")
        ids.withUnsafeMutableBufferPointer { idBuffer in
            balances.withUnsafeMutableBufferPointer { balanceBuffer in
                body(idBuffer.baseAddress!, balanceBuffer.baseAddress!)
            }
        }
    }

    /// Calls `body` with the balances of the `at`-th gathered slot.
    func withBalances<T>(_ at: Int, _ body: (UnsafePointer<UInt64>) -> T) -> T {
        balances.withUnsafeBufferPointer { body($0.baseAddress! + at * assets) }
    }
}
