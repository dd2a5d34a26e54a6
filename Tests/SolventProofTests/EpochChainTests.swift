import SolventProof
import Testing

/// Headers against the last one seen: newer and linked passes, older is a rollback.
@Suite struct EpochChainTests {
    let first = EpochWorld(epoch: 1)

    @Test func nextEpochLinkedToThePreviousHeaderPasses() throws {
        let second = EpochWorld(epoch: 2, previous: first.header)
        #expect(try second.verify(previous: first.header).chain == .linked(previousEpoch: 1))
    }

    @Test func sameHeaderSeenAgainPasses() throws {
        #expect(try first.verify(previous: first.header).chain == .sameHeader)
    }

    @Test func olderHeaderPresentedAsCurrentIsARollback() {
        let second = EpochWorld(epoch: 2, previous: first.header)
        #expect(EpochWorld.failure { try first.verify(previous: second.header) } == .rollback(current: 1, previous: 2))
    }

    @Test func nextEpochNotNamingThePreviousHashIsABrokenChain() {
        let unlinked = EpochWorld(epoch: 2, previous: nil)
        #expect(EpochWorld.failure { try unlinked.verify(previous: first.header) } == .brokenChain(epoch: 2))
    }

    @Test func twoHeadersForOneEpochAreEquivocation() {
        let fork = EpochWorld(epoch: 1, seed: 2)
        #expect(EpochWorld.failure { try fork.verify(previous: first.header) } == .equivocation(epoch: 1))
    }

    @Test func laterEpochAfterAGapIsNewerButUnlinked() throws {
        let fifth = EpochWorld(epoch: 5, previous: first.header)
        #expect(try fifth.verify(previous: first.header).chain == .gap(previousEpoch: 1))
    }

    @Test func previousHeaderSignedByAnotherKeyIsRefused() throws {
        let forged = try first.header.header.sign(with: EpochWorld.otherKey)
        let second = EpochWorld(epoch: 2, previous: first.header)
        #expect(EpochWorld.failure { try second.verify(previous: forged) } == .badPreviousSignature)
    }
}
