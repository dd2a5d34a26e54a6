@testable import SolventProof
import Testing

/// The design notes' adversarial table, one row per test: each must fail with its own reason.
@Suite struct AdversarialProofTests {
    let world = EpochWorld(epoch: 1)

    @Test func honestProofVerifiesWithTheUsersBalancesAndSolvency() throws {
        let report = try world.verify()
        #expect(report.balances == Array(world.snapshot.balances(row: 5)))
        #expect(report.leafIndex == world.tree.leafIndex(of: world.accountId))
        #expect(report.isSolvent)
        #expect(report.chain == .notChecked)
        #expect(report.solvency.map(\.liabilities) == world.tree.rootSums)
    }

    @Test func everyAccountsProofVerifies() throws {
        for id in world.snapshot.accountIds {
            _ = try world.verify(world.proof(for: id), accountId: id)
        }
    }

    @Test func siblingSumAtOrAboveItsLevelsBoundIsRejected() {
        for level in [0, 3, 7] {
            var proof = world.proof()
            proof.path[level].sums[1] = UInt128(1) << UInt128(64 + level)
            #expect(EpochWorld.failure { try world.verify(proof) } == .siblingSumOutOfRange(level: level, asset: 1))
            proof.path[level].sums[1] -= 1
            #expect(EpochWorld.failure { try world.verify(proof) } == .rootHashMismatch)
        }
    }

    @Test func crafted128BitOverflowIsRejectedBeforeAnyAddition() {
        var proof = world.proof()
        proof.path[7].sums[0] = .max
        #expect(EpochWorld.failure { try world.verify(proof) } == .siblingSumOutOfRange(level: 7, asset: 0))
    }

    @Test func siblingSumAlteredWithItsHashKeptMissesTheRoot() {
        var proof = world.proof()
        proof.path[2].sums[0] -= 1
        #expect(EpochWorld.failure { try world.verify(proof) } == .rootHashMismatch)
        var hashAltered = world.proof()
        hashAltered.path[5].hash = Hash256(bytes: [UInt8](repeating: 9, count: 32))!
        #expect(EpochWorld.failure { try world.verify(hashAltered) } == .rootHashMismatch)
    }

    /// Maxwell's attack: the root states max(left, right) and the smaller user is shown a
    /// sibling at zero. With both children's sums inside the parent hash, the root can satisfy
    /// only one of the two users.
    @Test func maxwellMaxTreeCannotSatisfyBothUsers() throws {
        var snapshot = LiabilitySnapshot(assets: [Fixtures.btc])
        snapshot.append(accountId: 1, balances: [10])
        snapshot.append(accountId: 2, balances: [7])
        let tree = try LiabilityTree.build(snapshot, epoch: 1, height: 1, secrets: Fixtures.secrets)
        let honest = EpochHeader(tree: tree, exchangeId: "maxwell", previousHeaderHash: .zero, snapshotTimeMs: 0,
                                 journalSize: 0, journalRoot: .zero, reserves: [10])
        let big = try tree.proof(for: 1, header: honest)
        let small = try tree.proof(for: 2, header: honest)
        // The cheat's root: the small leaf counted as zero, so liabilities are max(10, 7) = 10.
        var hasher = TreeHasher(assetCount: 1)
        let bigIsLeft = big.leafIndex == 0
        var cheat = honest
        cheat.rootHash = bigIsLeft
            ? hasher.node(level: 1, left: big.leafHash, leftSums: [10], right: small.leafHash, rightSums: [0])
            : hasher.node(level: 1, left: small.leafHash, leftSums: [0], right: big.leafHash, rightSums: [10])
        cheat.rootSums = [10]
        let signed = try cheat.sign(with: EpochWorld.signingKey)
        func verify(_ proof: InclusionProof, _ id: UInt64, siblingSum: UInt128) throws -> VerificationReport {
            var shown = proof
            shown.headerHash = signed.hash
            shown.path[0].sums = [siblingSum]
            return try EpochWorld.verifier.verify(proof: Array(shown.json.utf8), header: Array(signed.json.utf8),
                                                  accountId: id, secret: Fixtures.secrets.userSecret(accountId: id))
        }
        #expect(try verify(big, 1, siblingSum: 0).balances == [10])
        for shownSum: UInt128 in [0, 3, 10] {
            #expect(EpochWorld.failure { try verify(small, 2, siblingSum: shownSum) } == .rootHashMismatch)
        }
    }

    @Test func rootSumsDifferentFromTheSignedHeaderAreRejected() throws {
        var header = world.header.header
        header.rootSums[2] -= 1
        let understated = try header.sign(with: EpochWorld.signingKey)
        var proof = world.proof()
        proof.headerHash = understated.hash
        #expect(EpochWorld.failure { try world.verify(proof, header: understated) } == .rootSumsMismatch(asset: 2))
    }

    @Test func anotherUsersProofIsNotMine() {
        let theirs = world.proof(for: world.otherAccountId)
        #expect(EpochWorld.failure { try world.verify(theirs) } == .leafMismatch)
    }

    @Test func wrongSecretDoesNotOpenMyLeaf() throws {
        let proof = world.proof()
        let wrong = Fixtures.secrets.userSecret(accountId: world.otherAccountId)
        #expect(throws: VerificationFailure.leafMismatch) {
            try EpochWorld.verifier.verify(proof: Array(proof.json.utf8), header: Array(world.header.json.utf8),
                                           accountId: world.accountId, secret: wrong)
        }
    }

    @Test func leafReplayedInALaterEpochIsRejected() {
        let later = EpochWorld(epoch: 2, previous: world.header)
        let old = world.proof()
        #expect(EpochWorld.failure { try later.verify(old) } == .epochMismatch)
        var relabelled = old
        relabelled.epoch = 2
        #expect(EpochWorld.failure { try later.verify(relabelled) } == .headerMismatch)
        relabelled.headerHash = later.header.hash
        #expect(EpochWorld.failure { try later.verify(relabelled) } == .leafMismatch)
    }

    @Test func leafMovedToAnotherIndexIsRejected() {
        var proof = world.proof()
        proof.leafIndex ^= 1
        #expect(EpochWorld.failure { try world.verify(proof) } == .leafMismatch)
    }

    @Test func indexBeyondTheTreeIsRejected() {
        var proof = world.proof()
        proof.leafIndex += 1 << 8
        #expect(EpochWorld.failure { try world.verify(proof) } == .indexOutOfRange(index: proof.leafIndex, height: 8))
    }

    @Test func pathLengthDifferentFromTheHeightIsRejected() {
        var short = world.proof()
        short.path.removeLast()
        #expect(EpochWorld.failure { try world.verify(short) } == .pathLengthMismatch(expected: 8, actual: 7))
        var long = world.proof()
        long.path.append(long.path[0])
        #expect(EpochWorld.failure { try world.verify(long) } == .pathLengthMismatch(expected: 8, actual: 9))
    }

    @Test func reorderedAssetsAreRejected() {
        var proof = world.proof()
        proof.assets.swapAt(0, 1)
        proof.balances.swapAt(0, 1)
        for step in proof.path.indices { proof.path[step].sums.swapAt(0, 1) }
        #expect(EpochWorld.failure { try world.verify(proof) } == .assetMismatch)
    }

    @Test func proofForAnotherExchangeIsRejected() {
        var proof = world.proof()
        proof.exchangeId = "elsewhere"
        #expect(EpochWorld.failure { try world.verify(proof) } == .exchangeMismatch)
    }

    @Test func reservesBelowLiabilitiesIsValidButInsolvent() throws {
        let short = EpochWorld(epoch: 1, reservePercent: 99)
        let report = try short.verify()
        #expect(!report.isSolvent)
        #expect(report.solvency.allSatisfy { !$0.isSolvent })
        #expect(report.solvency[0].ratioText.hasPrefix("98.") || report.solvency[0].ratioText.hasPrefix("99."))
    }
}
