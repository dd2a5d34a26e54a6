import Crypto
import SolventProof
import Testing

@Suite struct LiabilityTreeTests {
    @Test(arguments: [(0, 3), (1, 1), (1, 4), (2, 1), (5, 3), (16, 4), (17, 5), (33, 6), (100, 7)])
    func fastBuilderAgreesWithTheSpecificationTree(count: Int, height: Int) throws {
        let snapshot = Fixtures.snapshot(count: count)
        let tree = try LiabilityTree.build(snapshot, epoch: 9, height: height, secrets: Fixtures.secrets)
        let reference = Fixtures.reference(tree, snapshot).root()
        #expect(tree.rootHash.bytes == reference.hash)
        #expect(tree.rootSums == reference.sums)
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
        let one = try LiabilityTree.build(snapshot, epoch: 4, height: 13, secrets: Fixtures.secrets, threads: 1)
        let two = try LiabilityTree.build(reversed, epoch: 4, height: 13, secrets: Fixtures.secrets, threads: 2)
        #expect(one.rootHash == two.rootHash)
        #expect(one.rootSums == two.rootSums)
        for id in snapshot.accountIds.prefix(50) { #expect(one.leafIndex(of: id) == two.leafIndex(of: id)) }
    }

    @Test func leavesAreShuffledDifferentlyEachEpoch() throws {
        let snapshot = Fixtures.snapshot(count: 1_000)
        let first = try LiabilityTree.build(snapshot, epoch: 1, height: 10, secrets: Fixtures.secrets)
        let second = try LiabilityTree.build(snapshot, epoch: 2, height: 10, secrets: Fixtures.secrets)
        let slots = snapshot.accountIds.map { first.leafIndex(of: $0)! }
        #expect(Set(slots) == Set(0..<1_000))
        let inIdOrder = zip(slots, 0...).filter { $0.0 == UInt64($0.1) }.count
        let unmoved = snapshot.accountIds.filter { first.leafIndex(of: $0) == second.leafIndex(of: $0) }.count
        // A uniform permutation fixes one point on average; 20 would be astronomically unlikely.
        #expect(inIdOrder < 20)
        #expect(unmoved < 20)
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

    @Test func moreAccountsThanSlotsOrABadHeightIsABuildError() {
        let snapshot = Fixtures.snapshot(count: 9)
        #expect(throws: TreeBuildError.tooManyAccounts(count: 9, capacity: 8)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 3, secrets: Fixtures.secrets)
        }
        #expect(throws: TreeBuildError.heightOutOfRange(0)) {
            try LiabilityTree.build(snapshot, epoch: 1, height: 0, secrets: Fixtures.secrets)
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
        #expect(first.leafHash != second.leafHash)
        #expect(first.balances == second.balances)
    }

    @Test func keyedHashMatchesSwiftCryptoHMAC() {
        let secret = Fixtures.secrets.userSecret(accountId: 42)
        let expected = ReferenceTree.hmac(key: Fixtures.master.bytes, Array("user".utf8) + ReferenceTree.bigEndian(UInt64(42)))
        #expect(secret.key.bytes == expected)
        let epochKey = ReferenceTree.hmac(key: expected, Array("epoch".utf8) + ReferenceTree.bigEndian(UInt64(3)))
        #expect(secret.epochKey(3).bytes == epochKey)
    }
}
