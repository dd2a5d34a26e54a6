import Crypto
import SolventProof
import Testing

@Suite struct LiabilityTreeTests {
    @Test(arguments: [(0, 3), (1, 2), (1, 4), (2, 3), (4, 4), (16, 6), (17, 7), (33, 8), (100, 9), (250, 10)])
    func fastBuilderAgreesWithTheSpecificationTree(count: Int, height: Int) throws {
        let snapshot = Fixtures.snapshot(count: count)
        let tree = try LiabilityTree.build(snapshot, epoch: 9, height: height, secrets: Fixtures.secrets)
        let reference = Fixtures.reference(tree, snapshot)
        let root = reference.root()
        #expect(tree.rootHash.bytes == root.hash)
        #expect(tree.rootSums == root.sums)
        for id in snapshot.accountIds { #expect(tree.leafIndices(of: id) == reference.slots[id]) }
    }

    /// 128 accounts in 256 slots per half: collisions are certain, and resolved as written.
    @Test func crowdedHalvesResolveCollisionsAsSpecified() throws {
        let snapshot = Fixtures.snapshot(count: 128, seed: 3)
        let tree = try LiabilityTree.build(snapshot, epoch: 2, height: 9, secrets: Fixtures.secrets)
        let reference = Fixtures.reference(tree, snapshot)
        #expect(tree.rootHash.bytes == reference.root().hash)
        for id in snapshot.accountIds { #expect(tree.leafIndices(of: id) == reference.slots[id]) }
    }

    @Test func rootSumsAreTheColumnTotals() throws {
        let snapshot = Fixtures.snapshot(count: 1_000)
        let tree = try LiabilityTree.build(snapshot, epoch: 1, height: 12, secrets: Fixtures.secrets)
        for asset in snapshot.assets.indices {
            let total = (0..<snapshot.accountCount).reduce(UInt128(0)) { $0 + UInt128(snapshot.balances(row: $1)[$1 * 3 + asset]) }
            #expect(tree.rootSums[asset] == total)
        }
    }

    @Test func rowOrderAndThreadCountDoNotChangeTheTree() throws {
        let snapshot = Fixtures.snapshot(count: 3_000)
        var reversed = LiabilitySnapshot(assets: snapshot.assets)
        for row in snapshot.accountIds.indices.reversed() {
            reversed.append(accountId: snapshot.accountIds[row], balances: snapshot.balances(row: row))
        }
        let one = try LiabilityTree.build(snapshot, epoch: 4, height: 14, secrets: Fixtures.secrets, threads: 1)
        let two = try LiabilityTree.build(reversed, epoch: 4, height: 14, secrets: Fixtures.secrets, threads: 2)
        #expect(one.rootHash == two.rootHash)
        #expect(one.rootSums == two.rootSums)
        for id in snapshot.accountIds.prefix(50) { #expect(one.leafIndices(of: id) == two.leafIndices(of: id)) }
    }

    /// Leaves are spread over the whole tree, one share per half, and move every epoch: the
    /// slots say nothing of the account count or of who is next to whom.
    @Test func leavesAreSpreadOverBothHalvesAndMoveEachEpoch() throws {
        let snapshot = Fixtures.snapshot(count: 1_000)
        let first = try LiabilityTree.build(snapshot, epoch: 1, height: 16, secrets: Fixtures.secrets)
        let second = try LiabilityTree.build(snapshot, epoch: 2, height: 16, secrets: Fixtures.secrets)
        let half = UInt64(1) << 15
        let slots = snapshot.accountIds.map { first.leafIndices(of: $0)! }
        #expect(Set(slots.flatMap { $0 }).count == 2_000)
        #expect(slots.allSatisfy { $0[0] < half && $0[1] >= half })
        // 1,000 uniform draws in 2^15 slots: the largest lies in the top tenth with overwhelming odds,
        // and about 30 of them (not all 1,000, as when leaves were packed) fall in slots 0 ..< 1,000.
        #expect(slots.map { $0[0] }.max()! > half / 10 * 9)
        #expect(slots.filter { $0[0] < 1_000 }.count < 100)
        let unmoved = snapshot.accountIds.filter { first.leafIndices(of: $0) == second.leafIndices(of: $0) }.count
        #expect(unmoved == 0)
    }

    @Test func anotherMasterSecretGivesAnotherRootWithTheSameSums() throws {
        let snapshot = Fixtures.snapshot(count: 50)
        let other = TreeSecrets(master: Hash256(bytes: [UInt8](repeating: 8, count: 32))!)
        let mine = try LiabilityTree.build(snapshot, epoch: 1, height: 8, secrets: Fixtures.secrets)
        let theirs = try LiabilityTree.build(snapshot, epoch: 1, height: 8, secrets: other)
        #expect(mine.rootHash != theirs.rootHash)
        #expect(mine.rootSums == theirs.rootSums)
    }

    @Test func duplicateAccountIdIsABuildError() {
        var snapshot = Fixtures.snapshot(count: 10)
        snapshot.append(accountId: 103, balances: [1, 2, 3])
        #expect(throws: TreeBuildError.duplicateAccountId(103)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 8, secrets: Fixtures.secrets)
        }
    }

    @Test func moreAccountsThanTheTreeTakesOrABadHeightIsABuildError() {
        let snapshot = Fixtures.snapshot(count: 9)
        #expect(throws: TreeBuildError.tooManyAccounts(count: 9, capacity: 8)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 5, secrets: Fixtures.secrets)
        }
        #expect(throws: TreeBuildError.heightOutOfRange(1)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 1, secrets: Fixtures.secrets)
        }
        #expect(throws: TreeBuildError.heightOutOfRange(49)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 49, secrets: Fixtures.secrets)
        }
    }

    @Test func twoUsersWithEqualBalancesGetDifferentLeaves() throws {
        var snapshot = LiabilitySnapshot(assets: Fixtures.assets)
        snapshot.append(accountId: 1, balances: [5, 5, 5])
        snapshot.append(accountId: 2, balances: [5, 5, 5])
        let tree = try LiabilityTree.build(snapshot, epoch: 1, height: 4, secrets: Fixtures.secrets)
        let header = EpochHeader(tree: tree, exchangeId: "test", previousHeaderHash: .zero, snapshotTimeMs: 0,
                                 journalSize: 0, journalRoot: .zero, reserves: [0, 0, 0])
        let first = try tree.proof(for: 1, header: header)
        let second = try tree.proof(for: 2, header: header)
        #expect(Set(first.leaves.map(\.hash)).isDisjoint(with: second.leaves.map(\.hash)))
        let secrets = [1, 2].map { Fixtures.secrets.userSecret(accountId: UInt64($0), epoch: 1) }
        #expect(try ProofVerifier.checkInclusion(first, in: header, accountId: 1, secret: secrets[0]) == [5, 5, 5])
        #expect(try ProofVerifier.checkInclusion(second, in: header, accountId: 2, secret: secrets[1]) == [5, 5, 5])
    }

    @Test func userSecretsAreDerivedPerEpochWithSwiftCryptosHMAC() {
        let userKey = ReferenceTree.hmac(key: Fixtures.master.bytes, Array("user".utf8) + ReferenceTree.bigEndian(UInt64(3)))
        let expected = ReferenceTree.hmac(key: userKey, ReferenceTree.bigEndian(UInt64(42)))
        let secret = Fixtures.secrets.userSecret(accountId: 42, epoch: 3)
        #expect(secret.key.bytes == expected)
        #expect(secret.commitment(accountId: 42).bytes == ReferenceTree.hmac(key: expected, ReferenceTree.bigEndian(UInt64(42))))
        #expect(Fixtures.secrets.userSecret(accountId: 42, epoch: 4) != secret)
    }
}
