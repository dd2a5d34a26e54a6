import Foundation
import Testing

/// PROOF-FORMAT.md's vectors are what the code produces, and a verifier written from the
/// document alone (`DocumentVerifier`, `C2SPNoteReference`) accepts them and rejects them altered.
@Suite struct FormatVectorTests {
    @Test func theDocumentsVectorsAreTheBuildersOutput() throws {
        let printed = try FormatVectors.inDocument()
        for (name, text) in FormatVectors.all {
            let expected = text.hasSuffix("\n") ? String(text.dropLast()) : text
            guard let shown = printed[name] else {
                Issue.record("PROOF-FORMAT.md lacks vector \(name):\n<!-- vector:\(name) -->\n```\n\(expected)\n```")
                continue
            }
            // Ed25519 signing is deterministic in BoringSSL, not in every library: compare the
            // signed texts, and check the printed signatures by verifying them below.
            #expect(Self.unsigned(shown) == Self.unsigned(expected), "vector \(name)")
        }
    }

    @Test func theDocumentVerifierAcceptsThePrintedProofs() throws {
        let printed = try FormatVectors.inDocument()
        let key = try Self.bytes(printed, "public-key")
        let headerText = try #require(printed["header-json"])
        let header = try DocumentVerifier.header(json: headerText, publicKey: key)
        for (account, balances) in [(UInt64(1), [UInt128(150_000_000), 2_500_000_000]), (2, [1, 0])] {
            let secret = try Self.bytes(printed, "user-secret-\(account)")
            let proof = try #require(printed["proof-\(account)-json"])
            #expect(try DocumentVerifier.proof(json: proof, header: header, accountId: account, secret: secret) == balances)
            #expect(throws: DocumentVerifier.Failure.self) {
                try DocumentVerifier.proof(json: proof, header: header, accountId: account + 1, secret: secret)
            }
        }
    }

    @Test func theDocumentVerifierRejectsAlteredVectors() throws {
        let printed = try FormatVectors.inDocument()
        let key = try Self.bytes(printed, "public-key")
        let headerText = try #require(printed["header-json"])
        #expect(throws: DocumentVerifier.Failure.self) {
            try DocumentVerifier.header(json: headerText.replacingOccurrences(of: "\"journalSize\":42", with: "\"journalSize\":43"),
                                        publicKey: key)
        }
        let header = try DocumentVerifier.header(json: headerText, publicKey: key)
        let secret = try Self.bytes(printed, "user-secret-1")
        let proof = try #require(printed["proof-1-json"])
        // Every sibling sum, one at a time, raised by one unit: each must miss the root.
        let sums = proof.components(separatedBy: "\"sums\":[\"")
        for at in 1..<sums.count {
            var altered = sums
            altered[at] = "1" + altered[at]
            #expect(throws: DocumentVerifier.Failure.self) {
                try DocumentVerifier.proof(json: altered.joined(separator: "\"sums\":[\""), header: header, accountId: 1,
                                           secret: secret)
            }
        }
    }

    @Test func thePrintedCheckpointIsAStandardSignedNote() throws {
        let printed = try FormatVectors.inDocument()
        let note = try #require(printed["checkpoint-note"]) + "\n"
        let verifierKey = try #require(printed["checkpoint-verifier-key"])
        let verified = try C2SPNoteReference.verify(note: note, verifierKey: verifierKey)
        #expect(verified.origin == "vectors.example/journal")
        #expect(verified.size == 42)
    }

    static func bytes(_ printed: [String: String], _ name: String) throws -> [UInt8] {
        let text = try #require(printed[name])
        return try #require(DocumentVerifier.hexBytes(text))
    }

    /// The text with every signature (JSON field or note line) cut out.
    static func unsigned(_ text: String) -> String {
        if let range = text.range(of: ",\"signature\":\"") { return String(text[..<range.lowerBound]) }
        if let range = text.range(of: "\n\n\u{2014} ") { return String(text[..<range.lowerBound]) }
        return text
    }
}
