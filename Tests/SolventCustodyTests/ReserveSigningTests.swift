import Foundation
import Testing
@testable import SolventCustody
import SolventProof

/// The simulator's proof-of-reserves calls through the Bitcoin Core adapter: each wallet's
/// reserve address is its key's, its confirmed balance is the one at the tip, and `signmessage`
/// signs the challenge so that anyone can check it, and nothing else with it.
@Suite struct ReserveSigningTests {
    static func challenge(epoch: UInt64 = 3, address: String, balance: UInt64, height: UInt64, block: Hash256) -> String {
        ReserveChallenge.text(exchangeId: "solvent", epoch: epoch, previousHeaderHash: .zero, asset: "BTC", wallet: "hot",
                              address: address, balance: balance, height: height, blockHash: block)
    }

    static func entry(_ key: ReserveKey, address: String? = nil, balance: UInt64, height: UInt64, block: Hash256,
                      signature: String) -> WalletReserve {
        WalletReserve(wallet: "hot", address: address ?? key.address, balance: balance, height: height, blockHash: block,
                      scheme: key.scheme, publicKey: key.publicKey, signature: Array(Data(base64Encoded: signature) ?? Data()))
    }

    @Test func simulatedSignMessageVerifiesAndRejectsEveryAlteredField() async throws {
        let fixture = try ChainFixture()
        let key = try await fixture.adapter.reserveKey()
        #expect(key.scheme == .simulatorEd25519)
        #expect(key.address == ReserveChallenge.simulatorAddress(publicKey: key.publicKey))
        #expect(key.address == SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "hot"))
        #expect(try await fixture.adapter.reserveKey() == key, "the same address every time")

        let confirmed = try await fixture.adapter.confirmedBalance()
        let block = try #require(Hash256(bytes: try Hex.decode(confirmed.tip.blockHash, byteCount: 32).get()))
        let (balance, height) = (UInt64(confirmed.balance), UInt64(confirmed.tip.height))
        let text = Self.challenge(address: key.address, balance: balance, height: height, block: block)
        let signature = try await fixture.adapter.sign(message: text, address: key.address)
        let signed = Self.entry(key, balance: balance, height: height, block: block, signature: signature)
        #expect(ReserveChallenge.checkSimulator(signed, challenge: text) == .valid)

        let altered = [
            Self.challenge(address: key.address, balance: balance + 1, height: height, block: block),
            Self.challenge(address: key.address, balance: balance, height: height + 1, block: block),
            Self.challenge(epoch: 4, address: key.address, balance: balance, height: height, block: block),
            Self.challenge(address: key.address, balance: balance, height: height, block: .zero),
        ]
        for challenge in altered {
            #expect(ReserveChallenge.checkSimulator(signed, challenge: challenge) == .badSignature, "\(challenge)")
        }
        let cold = SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "cold")
        let moved = Self.entry(key, address: cold, balance: balance, height: height, block: block, signature: signature)
        #expect(ReserveChallenge.checkSimulator(moved, challenge: text) == .addressNotOfKey)
    }

    @Test func aWalletSignsOnlyForItsOwnAddresses() async throws {
        let fixture = try ChainFixture()
        let cold = SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "cold")
        await #expect(throws: JSONRPCClient.Failure.self) {
            _ = try await fixture.adapter.sign(message: "anything", address: cold)
        }
    }

    @Test func theConfirmedBalanceLeavesOutTheMempoolAndNamesTheTip() async throws {
        let fixture = try ChainFixture()
        let hot = try await fixture.adapter.reserveKey().address
        try fixture.pay(hot, 70_000_000)
        let pending = try await fixture.adapter.confirmedBalance()
        #expect(pending.balance == 0)
        try fixture.mine(1)
        let confirmed = try await fixture.adapter.confirmedBalance()
        #expect(confirmed.balance == 70_000_000)
        #expect(confirmed.tip == (try await fixture.adapter.tip()))
        #expect(fixture.rpc.withChain { $0.balance(of: "hot", atHeight: confirmed.tip.height - 1) } == 0)
    }
}
