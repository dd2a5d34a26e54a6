import Crypto
@testable import SolventProof

/// The reserve attestation PROOF-FORMAT.md §12 prints for the vectors' epoch: BTC from two
/// simulated wallets (1.5 and 0.5 BTC, their sum the header's 2 BTC), USDT a configured figure.
enum ReserveVectors {
    static let hotSeed = [UInt8](repeating: 0x05, count: 32)
    static let coldSeed = [UInt8](repeating: 0x06, count: 32)
    static let blockHash = Hash256(bytes: [UInt8](repeating: 0x22, count: 32))!
    static let height: UInt64 = 812

    static func wallet(_ name: String, seed: [UInt8], balance: UInt64) -> WalletReserve {
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let publicKey = Array(key.publicKey.rawRepresentation)
        let address = ReserveChallenge.simulatorAddress(publicKey: publicKey)
        let challenge = ReserveChallenge.text(exchangeId: "vectors", epoch: FormatVectors.epoch, previousHeaderHash: .zero,
                                              asset: "BTC", wallet: name, address: address, balance: balance,
                                              height: height, blockHash: blockHash)
        return WalletReserve(wallet: name, address: address, balance: balance, height: height, blockHash: blockHash,
                             scheme: .simulatorEd25519, publicKey: publicKey,
                             signature: Array(try! key.signature(for: Array(challenge.utf8))))
    }

    static let attestation = ReserveAttestation(
        exchangeId: "vectors", epoch: FormatVectors.epoch, headerHash: FormatVectors.header.hash,
        assets: [AssetReserves(asset: FormatVectors.assets[0], source: .chain, exchangeOwned: 0,
                               wallets: [wallet("hot", seed: hotSeed, balance: 150_000_000),
                                         wallet("cold", seed: coldSeed, balance: 50_000_000)]),
                 AssetReserves(asset: FormatVectors.assets[1], source: .configured, exchangeOwned: 0, wallets: [])])
    static let signed = try! attestation.sign(with: FormatVectors.signingKey)

    static var all: [(name: String, text: String)] {
        let hot = signed.attestation.assets[0].wallets[0]
        return [
            ("reserve-hot-seed", Hex.encode(hotSeed)),
            ("reserve-hot-address", hot.address),
            ("reserve-hot-challenge", ReserveChallenge.text(for: hot, asset: "BTC", in: signed.attestation,
                                                            previousHeaderHash: .zero)),
            ("reserve-canonical", Hex.encode(signed.attestation.canonicalBytes)),
            ("reserve-json", signed.json),
        ]
    }
}
