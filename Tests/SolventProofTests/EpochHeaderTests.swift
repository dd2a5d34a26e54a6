import Crypto
import SolventCore
import SolventProof
import Testing

@Suite struct EpochHeaderTests {
    let world = EpochWorld(epoch: 1)

    @Test func jsonRoundTripsAndIsTheCanonicalText() throws {
        let text = world.header.json
        let parsed = try SignedEpochHeader(json: text)
        #expect(parsed == world.header)
        #expect(parsed.json == text)
        #expect(try SignedEpochHeader(json: text + "\n") == world.header)
        #expect(!text.contains(" "))
    }

    @Test func signatureVerifiesWithThePinnedKeyOnly() throws {
        #expect(world.header.isSigned(by: EpochWorld.signingKey.publicKey))
        #expect(!world.header.isSigned(by: EpochWorld.otherKey.publicKey))
        #expect(world.header.header.keyId == KeyId(publicKey: Array(EpochWorld.signingKey.publicKey.rawRepresentation)))
        try EpochWorld.verifier.checkSignature(world.header)
    }

    @Test func headerSignedByAnotherKeyIsAnUnknownKey() throws {
        let forged = try world.header.header.sign(with: EpochWorld.otherKey)
        #expect(EpochWorld.failure { try world.verify(header: forged) } == .unknownKey(forged.header.keyId))
    }

    @Test func headerSignedByAnotherKeyUnderThePinnedKeyIdFailsTheSignature() throws {
        let forged = try world.header.header.sign(with: EpochWorld.otherKey)
        let relabelled = SignedEpochHeader(header: world.header.header, signature: forged.signature)
        #expect(EpochWorld.failure { try world.verify(header: relabelled) } == .badSignature)
    }

    @Test func alteredReservesBreakTheSignature() throws {
        var header = world.header.header
        header.reserves[0] += 1
        let altered = SignedEpochHeader(header: header, signature: world.header.signature)
        #expect(EpochWorld.failure { try world.verify(header: altered) } == .badSignature)
    }

    @Test func hashCoversEveryFieldButNotTheSignature() throws {
        var header = world.header.header
        let original = header.hash
        header.journalSize += 1
        #expect(header.hash != original)
        let resigned = try world.header.header.sign(with: EpochWorld.signingKey)
        #expect(resigned.hash == original)
    }

    @Test func ratioIsPrintedWithIntegerArithmeticRoundedDown() throws {
        let btc = Fixtures.btc
        #expect(AssetSolvency(asset: btc, liabilities: 10_000, reserves: 10_421).ratioText == "104.21%")
        #expect(AssetSolvency(asset: btc, liabilities: 100_000, reserves: 99_999).ratioText == "99.99%")
        #expect(AssetSolvency(asset: btc, liabilities: 3, reserves: 1).ratioText == "33.33%")
        #expect(AssetSolvency(asset: btc, liabilities: 0, reserves: 5).ratioText == "no liabilities")
        #expect(AssetSolvency(asset: btc, liabilities: .max, reserves: .max).ratioText == "100.00%")
        #expect(!AssetSolvency(asset: btc, liabilities: 100_000, reserves: 99_999).isSolvent)
        #expect(AssetSolvency(asset: btc, liabilities: 5, reserves: 5).isSolvent)
    }

    @Test func unsupportedVersionAndBadHeightAreParseErrors() {
        let text = world.header.json
        #expect(parseReason(text.replacingFirst("\"version\":2", with: "\"version\":3")) == .unsupportedVersion(3))
        #expect(parseReason(text.replacingFirst("\"height\":8", with: "\"height\":49")) == .heightOutOfRange(49))
        #expect(parseReason(text.replacingFirst("{\"version\"", with: "{ \"version\"")) == .expected("\"version\":"))
    }

    private func parseReason(_ text: String) -> ParseError.Reason? {
        do {
            _ = try SignedEpochHeader(json: text)
            return nil
        } catch {
            return error.reason
        }
    }
}

extension String {
    /// `self` with the first `target` replaced; traps when absent, so a test cannot pass vacuously.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { preconditionFailure("\(target) not in \(self)") }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// The journal's copy of a header: canonical bytes and signature, read back exactly.
@Suite struct JournaledHeaderTests {
    @Test func theJournaledFormReadsBackAsTheSameSignedHeader() throws {
        let header = EpochWorld(epoch: 2).header
        let read = try SignedEpochHeader(journalBytes: header.journalBytes)
        #expect(read == header)
        #expect(header.isJournaled(as: header.publication))
        #expect(try SignedEpochHeader(publication: header.publication) == header)
        #expect(read.isSigned(by: EpochWorld.signingKey.publicKey))
    }

    @Test func anotherHeaderOfTheSameEpochIsNotTheJournaledOne() throws {
        let journaled = EpochWorld(epoch: 2).header
        let served = EpochWorld(epoch: 2, reservePercent: 120).header
        #expect(!served.isJournaled(as: journaled.publication))
        #expect(served.header.epoch == journaled.header.epoch)
    }

    @Test func aPublicationWhoseEpochOrHashDisagreesWithItsBytesIsRefused() {
        let header = EpochWorld(epoch: 2).header
        var wrongEpoch = header.publication
        wrongEpoch.epoch = 3
        var wrongHash = header.publication
        wrongHash.headerHash = SHA256Digest(bytes: [UInt8](repeating: 7, count: 32))!
        for publication in [wrongEpoch, wrongHash] {
            #expect(throws: HeaderBytesError.disagreesWithPublication) { try SignedEpochHeader(publication: publication) }
            #expect(!header.isJournaled(as: publication))
        }
    }

    @Test func truncatedOrExtendedBytesAreRefused() {
        let bytes = EpochWorld(epoch: 2).header.journalBytes
        for cut in [0, 1, 10, bytes.count - 65] {
            #expect(throws: HeaderBytesError.self) { try SignedEpochHeader(journalBytes: Array(bytes.prefix(cut))) }
        }
        var canonical = Array(bytes.dropLast(64))
        canonical.append(0)
        #expect(throws: HeaderBytesError.trailingBytes(at: canonical.count - 1)) {
            try EpochHeader(canonicalBytes: canonical)
        }
    }
}
