import SolventProof
import SolventTestSupport
import Testing

/// PROOF-FORMAT.md's privacy claims, checked over many proofs of one epoch.
@Suite struct PrivacyTests {
    /// 2,000 accounts; a third of the balances zero, the others 2 … 2^40 units (PROOF-FORMAT.md
    /// says why an account whose every nonzero balance is one unit is the exception).
    static let snapshot: LiabilitySnapshot = {
        var random = SplitMix64(seed: 21)
        var snapshot = LiabilitySnapshot(assets: Fixtures.assets)
        for row in 0..<2_000 {
            let balances = Fixtures.assets.map { _ -> UInt64 in
                let draw = random.next()
                return draw % 3 == 0 ? 0 : 2 + (draw >> 24)
            }
            snapshot.append(accountId: 10 + 7 * UInt64(row), balances: balances)
        }
        return snapshot
    }()
    static let tree = try! LiabilityTree.build(snapshot, epoch: 3, height: 14, secrets: Fixtures.secrets)
    static let header = EpochHeader(tree: tree, exchangeId: "privacy", previousHeaderHash: .zero, snapshotTimeMs: 0,
                                    journalSize: 0, journalRoot: .zero, reserves: tree.rootSums)

    @Test func noSiblingSumIsOneOtherAccountsBalances() throws {
        let snapshot = Self.snapshot
        var owner: [[UInt128]: UInt64] = [:]
        for row in snapshot.accountIds.indices where snapshot.balances(row: row).contains(where: { $0 > 0 }) {
            owner[snapshot.balances(row: row).map { UInt128($0) }] = snapshot.accountIds[row]
        }
        var checked = 0
        for id in snapshot.accountIds.prefix(600) {
            let proof = try Self.tree.proof(for: id, header: Self.header)
            for leaf in proof.leaves {
                for (level, step) in leaf.path.enumerated() where step.sums.contains(where: { $0 > 0 }) {
                    checked += 1
                    if let other = owner[step.sums], other != id {
                        Issue.record("account \(id)'s sibling at level \(level) shows account \(other)'s balances")
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }

    /// The test above is not vacuous: siblings holding a single share of one other account are
    /// common (that is what the level-0 sibling was before: a whole account). They show a share.
    @Test func singleShareSiblingsAreCommonAndShowOnlyAShare() throws {
        var shareOwner: [[UInt128]: UInt64] = [:]
        for id in Self.snapshot.accountIds {
            for leaf in try Self.tree.proof(for: id, header: Self.header).leaves
            where leaf.balances.contains(where: { $0 > 0 }) {
                shareOwner[leaf.balances.map { UInt128($0) }] = id
            }
        }
        var singleShares = 0
        for id in Self.snapshot.accountIds.prefix(200) {
            for leaf in try Self.tree.proof(for: id, header: Self.header).leaves {
                singleShares += leaf.path.filter { shareOwner[$0.sums].map { $0 != id } ?? false }.count
            }
        }
        #expect(singleShares > 200)
    }

    /// A proof's path looks the same whatever the account count: empty (padding) siblings low
    /// down, real ones near the root, in proportions set by 2^height, not by a packed prefix.
    @Test func zeroSumSiblingsDoNotMarkTheEndOfAPackedPrefix() throws {
        for id in Self.snapshot.accountIds.prefix(100) {
            let proof = try Self.tree.proof(for: id, header: Self.header)
            for leaf in proof.leaves {
                let top = leaf.path.suffix(4)
                #expect(top.allSatisfy { $0.sums.contains { $0 > 0 } }, "the top levels hold other accounts")
            }
        }
    }
}
