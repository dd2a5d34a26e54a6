import Crypto
import Testing
@testable import SolventProof

/// `solvent-verify --reserves`: the document's attestation verifies, and every tampering is
/// refused with its own reason and exit code 2; insolvency, configured figures and signatures
/// this verifier cannot check each have their own exit code.
@Suite struct ReserveVerifierTests {
    static let publicKeyHex = Hex.encode(Array(FormatVectors.signingKey.publicKey.rawRepresentation))
    static var verifier: ProofVerifier { ProofVerifier(publicKeyHex: publicKeyHex)! }

    /// A header of the vectors' tree with `reserves`, and its attestation from `assets`.
    static func epoch(_ reserves: [UInt128], _ assets: [AssetReserves]) throws -> (header: String, attestation: String) {
        let header = try EpochHeader(tree: FormatVectors.tree, exchangeId: "vectors", previousHeaderHash: .zero,
                                     snapshotTimeMs: 1, journalSize: 42, journalRoot: .zero, reserves: reserves)
            .sign(with: FormatVectors.signingKey)
        let attestation = try ReserveAttestation(exchangeId: "vectors", epoch: 1, headerHash: header.hash, assets: assets)
            .sign(with: FormatVectors.signingKey)
        return (header.json, attestation.json)
    }

    static func chain(_ asset: Int, _ wallets: [WalletReserve], owned: UInt128 = 0) -> AssetReserves {
        AssetReserves(asset: FormatVectors.assets[asset], source: .chain, exchangeOwned: owned, wallets: wallets)
    }

    static func wallet(_ name: String, _ seed: UInt8, _ balance: UInt64, asset: String = "BTC", epoch: UInt64 = 1,
                       height: UInt64 = 812) -> WalletReserve {
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: seed, count: 32))
        let publicKey = Array(key.publicKey.rawRepresentation)
        let address = ReserveChallenge.simulatorAddress(publicKey: publicKey)
        let text = ReserveChallenge.text(exchangeId: "vectors", epoch: epoch, previousHeaderHash: .zero, asset: asset,
                                         wallet: name, address: address, balance: balance, height: height,
                                         blockHash: ReserveVectors.blockHash)
        return WalletReserve(wallet: name, address: address, balance: balance, height: 812, blockHash: ReserveVectors.blockHash,
                             scheme: .simulatorEd25519, publicKey: publicKey, signature: Array(try! key.signature(for: Array(text.utf8))))
    }

    static func run(_ epoch: (header: String, attestation: String)) -> (code: VerifyCommand.ExitCode, output: String) {
        VerifyCommand.run(["--reserves", "a.json", "--header", "h.json", "--key", publicKeyHex]) { path in
            path == "a.json" ? Array(epoch.attestation.utf8) : path == "h.json" ? Array(epoch.header.utf8) : nil
        }
    }

    @Test func theDocumentsAttestationVerifiesHereAndInTheDocumentVerifier() throws {
        let printed = try FormatVectors.inDocument()
        let header = try #require(printed["header-json"]), attestation = try #require(printed["reserve-json"])
        let report = try Self.verifier.verifyReserves(attestation: Array(attestation.utf8), header: Array(header.utf8))
        #expect(report.lines.map(\.source) == [.chain, .configured])
        #expect(report.lines[0].wallets.allSatisfy(\.verified) && report.lines[0].wallets.count == 2)
        let document = try DocumentVerifier.header(json: header, publicKey: try FormatVectorTests.bytes(printed, "public-key"))
        #expect(try DocumentVerifier.reserves(json: attestation, header: document,
                                              publicKey: try FormatVectorTests.bytes(printed, "public-key")) == 0)
        for (from, to) in [("\"balance\":\"1.50000000\"", "\"balance\":\"1.50000001\""), ("\"height\":812", "\"height\":813"),
                           ("\"source\":\"configured\"", "\"source\":\"chain\"")] {
            let altered = attestation.replacingOccurrences(of: from, with: to)
            #expect(altered != attestation)
            #expect(throws: DocumentVerifier.Failure.self, "\(from)") {
                try DocumentVerifier.reserves(json: altered, header: document,
                                              publicKey: try FormatVectorTests.bytes(printed, "public-key"))
            }
        }
        let (code, output) = Self.run((header, attestation))
        #expect(code == .validButUnverified, "USDT's reserves are a configured figure: \(output)")
        #expect(output.contains("configured figure"))
    }

    @Test func everyWalletSignatureVerifiedAndSolventExitsZero() throws {
        let epoch = try Self.epoch([200_000_000, 3_000_000_000], [
            Self.chain(0, [Self.wallet("hot", 5, 150_000_000), Self.wallet("cold", 6, 50_000_000)], owned: 1),
            Self.chain(1, [Self.wallet("hot", 7, 3_000_000_000, asset: "USDT")]),
        ])
        let (code, output) = Self.run(epoch)
        #expect(code == .validAndSolvent, "\(output)")
        #expect(output.contains("1.50000000") && output.contains("0.00000001"), "customers and the exchange's own apart: \(output)")
    }

    @Test func reservesBelowLiabilitiesExitOne() throws {
        let epoch = try Self.epoch([100_000_000, 3_000_000_000], [
            Self.chain(0, [Self.wallet("hot", 5, 100_000_000)]), Self.chain(1, [Self.wallet("hot", 7, 3_000_000_000, asset: "USDT")]),
        ])
        #expect(Self.run(epoch).code == .validButInsolvent)
    }

    @Test func aBitcoinMessageIsNeverReportedVerified() throws {
        var entry = Self.wallet("cold", 6, 50_000_000)
        entry.scheme = .bitcoinMessage
        entry.publicKey = []
        entry.address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt"
        entry.signature = [UInt8](repeating: 0x1f, count: 65)
        let epoch = try Self.epoch([200_000_000, 3_000_000_000], [
            Self.chain(0, [Self.wallet("hot", 5, 150_000_000), entry]), Self.chain(1, [Self.wallet("hot", 7, 3_000_000_000, asset: "USDT")]),
        ])
        let (code, output) = Self.run(epoch)
        #expect(code == .validButUnverified, "\(output)")
        #expect(output.contains("NOT verified here") && output.contains("bitcoin-cli verifymessage mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt"))
    }

    @Test func tamperingIsRefusedWithItsReason() throws {
        let good = [Self.wallet("hot", 5, 150_000_000), Self.wallet("cold", 6, 50_000_000)]
        let usdt = Self.chain(1, [Self.wallet("hot", 7, 3_000_000_000, asset: "USDT")])
        var moved = good
        moved[0].balance -= 1
        moved[1].balance += 1
        var higher = good
        higher[0].height += 1
        var otherAddress = good
        otherAddress[0].address = good[1].address
        otherAddress[1] = Self.wallet("cold", 6, 50_000_000)
        otherAddress[1].address = good[0].address
        let cases: [([WalletReserve], [UInt128], ReserveVerificationFailure)] = [
            (moved, [200_000_000, 3_000_000_000], .badWalletSignature(asset: "BTC", wallet: "hot")),
            (higher, [200_000_000, 3_000_000_000], .badWalletSignature(asset: "BTC", wallet: "hot")),
            ([Self.wallet("hot", 5, 150_000_000, epoch: 2), good[1]], [200_000_000, 3_000_000_000],
             .badWalletSignature(asset: "BTC", wallet: "hot")),
            (otherAddress, [200_000_000, 3_000_000_000], .addressNotOfKey(asset: "BTC", wallet: "hot")),
            (good, [200_000_001, 3_000_000_000], .reservesMismatch(asset: "BTC", attested: 200_000_000, header: 200_000_001)),
            ([good[0], good[0]], [300_000_000, 3_000_000_000], .duplicateAddress(asset: "BTC", address: good[0].address)),
        ]
        for (wallets, reserves, failure) in cases {
            let epoch = try Self.epoch(reserves, [Self.chain(0, wallets), usdt])
            #expect(throws: failure) {
                try Self.verifier.verifyReserves(attestation: Array(epoch.attestation.utf8), header: Array(epoch.header.utf8))
            }
            #expect(Self.run(epoch).code == .invalid)
        }
    }

    @Test func anAlteredByteOrAnotherHeaderIsRefused() throws {
        let printed = try FormatVectors.inDocument()
        let header = try #require(printed["header-json"]), attestation = try #require(printed["reserve-json"])
        let altered = attestation.replacingOccurrences(of: "\"balance\":\"1.50000000\"", with: "\"balance\":\"1.50000001\"")
        #expect(altered != attestation)
        #expect(throws: ReserveVerificationFailure.badSignature) {
            try Self.verifier.verifyReserves(attestation: Array(altered.utf8), header: Array(header.utf8))
        }
        let other = try Self.epoch([200_000_000, 3_000_000_000], [])
        #expect(throws: ReserveVerificationFailure.headerMismatch) {
            try Self.verifier.verifyReserves(attestation: Array(attestation.utf8), header: Array(other.header.utf8))
        }
        #expect(Self.run((header, altered)).code == .invalid)
        #expect(VerifyCommand.run(["--reserves", "a.json"]) { _ in [] }.code == .usage)
        #expect(VerifyCommand.run(["--reserves", "a.json", "--header", "h.json", "--key", "zz"]) { _ in [] }.code == .usage)
    }
}
