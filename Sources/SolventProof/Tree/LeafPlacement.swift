/// Where each account's two leaves go and what each holds, for one epoch.
///
/// - commitment `c = HMAC(s, accountId)` with the account's epoch secret `s`;
/// - positions: words of `KeyedStream(HMAC(placementKey, c))`; share `s`'s candidate is the top
///   `height − 1` bits of a word, in half `s` (bit `height − 1` set for share 1). Word 0 is share
///   0's first candidate, word 1 share 1's; accounts are then taken in increasing id order, share
///   0 before share 1, and a candidate already taken is replaced by the stream's next word (words
///   2, 3, …, shared by both shares in that order) until a free slot of that half is found;
/// - shares: share 0 of a balance `b` is 0 when `b = 0`, the low bit of a word when `b = 1`, else
///   `1 + below(b − 1)` (in 1 … b − 1), drawing from `KeyedStream(HMAC(splitKey, accountId))`
///   asset after asset; share 1 is `b − share 0`. Neither share of a balance of 2 or more is the
///   whole balance.
///
/// Nothing here needs to be recomputed by a verifier: positions and shares are the exchange's
/// choice, checked only through the leaf hashes and the root. They are keyed so that nobody
/// without the master can tell from a position which account, how many accounts, or whose
/// neighbour it is, and so that the tree is deterministic for the audit that rebuilds it.
struct LeafPlacement: Sendable {
    /// `commitments[i]`: the i-th account (in id order)'s commitment.
    let commitments: [Hash256]
    /// `positions[2i + s]`: the leaf index of share `s` of the i-th account in id order.
    let positions: [UInt64]
    /// `firstShares[i × assets + a]`: share 0 of asset `a` of the i-th account.
    let firstShares: [UInt64]

    init(snapshot: LiabilitySnapshot, order: AccountOrder, epoch: UInt64, height: Int,
         secrets: TreeSecrets, threads: Int) {
        let count = order.sortedIds.count
        let assets = snapshot.assets.count
        var commitments = [Hash256](repeating: .zero, count: count)
        var candidates = [UInt64](repeating: 0, count: 2 * count)
        var firstShares = [UInt64](repeating: 0, count: count * assets)
        let userKey = secrets.userKey(epoch: epoch)
        let placementKey = secrets.placementKey(epoch: epoch)
        let splitKey = secrets.splitKey(epoch: epoch)
        let halfBits = height - 1
        commitments.withUnsafeMutableBufferPointer { commitmentBuffer in
            candidates.withUnsafeMutableBufferPointer { candidateBuffer in
                firstShares.withUnsafeMutableBufferPointer { shareBuffer in
                    let outCommitments = SharedPointer(base: commitmentBuffer.baseAddress!)
                    let outCandidates = SharedPointer(base: candidateBuffer.baseAddress!)
                    let outShares = SharedPointer(base: shareBuffer.baseAddress!)
                    Parallel.forEachChunk(count: count, threads: threads) { range in
                        let user = KeyedHash(key: userKey)
                        let placement = KeyedHash(key: placementKey)
                        let split = KeyedHash(key: splitKey)
                        for sorted in range {
                            let id = order.sortedIds[sorted]
                            let commitment = TreeSecrets.userSecret(user, accountId: id).commitment(accountId: id)
                            outCommitments.base[sorted] = commitment
                            var stream = KeyedStream(key: Self.placementStreamKey(placement, commitment))
                            outCandidates.base[2 * sorted] = Self.slot(stream.next(), share: 0, halfBits: halfBits)
                            outCandidates.base[2 * sorted + 1] = Self.slot(stream.next(), share: 1, halfBits: halfBits)
                            let balances = snapshot.balances(row: order.row(ofSorted: sorted))
                            var shares = KeyedStream(key: split.authenticationCode(label: [], id))
                            for (asset, balance) in balances.enumerated() {
                                outShares.base[sorted * assets + asset] = Self.firstShare(of: balance, &shares)
                            }
                        }
                    }
                }
            }
        }
        self.commitments = commitments
        self.firstShares = firstShares
        positions = Self.resolveCollisions(candidates, commitments: commitments, placementKey: placementKey,
                                           halfBits: halfBits)
    }

    /// Keeps each first candidate still free, in id order, and redraws the others.
    private static func resolveCollisions(_ candidates: [UInt64], commitments: [Hash256], placementKey: Hash256,
                                          halfBits: Int) -> [UInt64] {
        var positions = candidates
        var taken = Set<UInt64>(minimumCapacity: candidates.count)
        let placement = KeyedHash(key: placementKey)
        for sorted in commitments.indices {
            var stream: KeyedStream? = nil
            for share in 0..<ProofFormat.shareCount {
                var candidate = candidates[2 * sorted + share]
                while !taken.insert(candidate).inserted {
                    if stream == nil {
                        stream = KeyedStream(key: placementStreamKey(placement, commitments[sorted]))
                        _ = stream!.next()
                        _ = stream!.next()
                    }
                    candidate = slot(stream!.next(), share: share, halfBits: halfBits)
                }
                positions[2 * sorted + share] = candidate
            }
        }
        return positions
    }

    private static func placementStreamKey(_ placement: KeyedHash, _ commitment: Hash256) -> Hash256 {
        withUnsafeTemporaryAllocation(byteCount: Hash256.byteCount, alignment: 8) { buffer in
            commitment.store(to: buffer.baseAddress!)
            return placement.authenticationCode(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The slot a word names in half `share`: its top `halfBits` bits, with the half bit above them.
    @inline(__always)
    static func slot(_ word: UInt64, share: Int, halfBits: Int) -> UInt64 {
        word >> UInt64(64 - halfBits) | UInt64(share) << UInt64(halfBits)
    }

    static func firstShare(of balance: UInt64, _ stream: inout KeyedStream) -> UInt64 {
        switch balance {
        case 0: 0
        case 1: stream.next() & 1
        default: 1 + stream.below(balance - 1)
        }
    }
}
