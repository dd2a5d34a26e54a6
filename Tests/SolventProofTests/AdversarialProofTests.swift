@testable import SolventProof
import Testing

/// The design notes' adversarial table, one row per test: each must fail with its own reason.
@Suite struct AdversarialProofTests {
    let world = EpochWorld(epoch: 1)

    @Test func honestProofVerifiesWithTheUsersBalancesAndSolvency() throws {
        let report = try world.verify()
        #expect(report.balances == Array(world.snapshot.balances(row: 5)))
        #expect(report.leafIndices == world.tree.leafIndices(of: world.accountId))
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
            proof.leaves[0].path[level].sums[1] = UInt128(1) << UInt128(64 + level)
            #expect(EpochWorld.failure { try world.verify(proof) } == .siblingSumOutOfRange(level: level, asset: 1))
            proof.leaves[0].path[level].sums[1] -= 1
            #expect(EpochWorld.failure { try world.verify(proof) } == .rootHashMismatch(share: 0))
        }
    }

    @Test func crafted128BitOverflowIsRejectedBeforeAnyAddition() {
        var proof = world.proof()
        proof.leaves[0].path[7].sums[0] = .max
        #expect(EpochWorld.failure { try world.verify(proof) } == .siblingSumOutOfRange(level: 7, asset: 0))
    }

    @Test func siblingSumAlteredWithItsHashKeptMissesTheRoot() {
        var proof = world.proof()
        proof.leaves[0].path[2].sums[0] += 1
        #expect(EpochWorld.failure { try world.verify(proof) } == .rootHashMismatch(share: 0))
        var hashAltered = world.proof()
        hashAltered.leaves[0].path[5].hash = Hash256(bytes: [UInt8](repeating: 9, count: 32))!
        #expect(EpochWorld.failure { try world.verify(hashAltered) } == .rootHashMismatch(share: 0))
    }

    /// Maxwell's attack: the root understates the right half's sums and shows every user that
    /// smaller figure as the sibling of their left-half share. With both children's sums inside
    /// the parent hash, the same root cannot also be reached from the right half: every account
    /// has its share 1 there, so every account's proof fails.
    @Test func maxwellUnderstatedRootFailsEveryAccount() throws {
        let top = world.tree.height - 1
        let sample = world.proof()
        let left = sample.leaves[1].path[top]
        let right = sample.leaves[0].path[top]
        var understated = right.sums
        understated[0] -= 1
        var hasher = TreeHasher(assetCount: world.tree.assets.count)
        var cheat = world.header.header
        cheat.rootHash = hasher.node(level: top + 1, left: left.hash, leftSums: left.sums, right: right.hash,
                                     rightSums: understated)
        cheat.rootSums = zip(left.sums, understated).map { $0 + $1 }
        let signed = try cheat.sign(with: EpochWorld.signingKey)
        for id in world.snapshot.accountIds {
            var shown = world.proof(for: id)
            shown.headerHash = signed.hash
            shown.leaves[0].path[top].sums = understated
            #expect(EpochWorld.failure { try world.verify(shown, header: signed, accountId: id) }
                    == .rootHashMismatch(share: 1))
        }
    }

    @Test func swappedDuplicatedOrMissingLeavesAreRejected() {
        var swapped = world.proof()
        swapped.leaves.swapAt(0, 1)
        #expect(EpochWorld.failure { try world.verify(swapped) } == .shareInWrongHalf(share: 0))
        var twice = world.proof()
        twice.leaves[1] = twice.leaves[0]
        #expect(EpochWorld.failure { try world.verify(twice) } == .shareInWrongHalf(share: 1))
        var one = world.proof()
        one.leaves.removeLast()
        #expect(EpochWorld.failure { try world.verify(one) } == .leafCountMismatch(1))
    }

    @Test func anotherEpochsSecretDoesNotOpenMyLeaf() {
        let proof = world.proof()
        let old = Fixtures.secrets.userSecret(accountId: world.accountId, epoch: 2)
        #expect(throws: VerificationFailure.leafMismatch(share: 0)) {
            try EpochWorld.verifier.verify(proof: Array(proof.json.utf8), header: Array(world.header.json.utf8),
                                           accountId: world.accountId, secret: old)
        }
    }

    @Test func rootSumsDifferentFromTheSignedHeaderAreRejected() throws {
        var header = world.header.header
        header.rootSums[2] -= 1
        let understated = try header.sign(with: EpochWorld.signingKey)
        var proof = world.proof()
        proof.headerHash = understated.hash
        #expect(EpochWorld.failure { try world.verify(proof, header: understated) } == .rootSumsMismatch(share: 0, asset: 2))
    }

    @Test func anotherUsersProofIsNotMine() {
        let theirs = world.proof(for: world.otherAccountId)
        #expect(EpochWorld.failure { try world.verify(theirs) } == .leafMismatch(share: 0))
    }

    @Test func wrongSecretDoesNotOpenMyLeaf() throws {
        let proof = world.proof()
        let wrong = Fixtures.secrets.userSecret(accountId: world.otherAccountId, epoch: 1)
        #expect(throws: VerificationFailure.leafMismatch(share: 0)) {
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
        #expect(EpochWorld.failure { try later.verify(relabelled) } == .leafMismatch(share: 0))
    }

    @Test func leafMovedToAnotherIndexIsRejected() {
        var proof = world.proof()
        proof.leaves[0].index ^= 1
        #expect(EpochWorld.failure { try world.verify(proof) } == .leafMismatch(share: 0))
    }

    @Test func indexBeyondTheTreeIsRejected() {
        var proof = world.proof()
        proof.leaves[0].index += 1 << 8
        #expect(EpochWorld.failure { try world.verify(proof) } == .indexOutOfRange(index: proof.leaves[0].index, height: 8))
    }

    @Test func pathLengthDifferentFromTheHeightIsRejected() {
        var short = world.proof()
        short.leaves[0].path.removeLast()
        #expect(EpochWorld.failure { try world.verify(short) } == .pathLengthMismatch(expected: 8, actual: 7))
        var long = world.proof()
        long.leaves[0].path.append(long.leaves[0].path[0])
        #expect(EpochWorld.failure { try world.verify(long) } == .pathLengthMismatch(expected: 8, actual: 9))
    }

    @Test func reorderedAssetsAreRejected() {
        var proof = world.proof()
        proof.assets.swapAt(0, 1)
        for leaf in proof.leaves.indices {
            proof.leaves[leaf].balances.swapAt(0, 1)
            for step in proof.leaves[leaf].path.indices { proof.leaves[leaf].path[step].sums.swapAt(0, 1) }
        }
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
