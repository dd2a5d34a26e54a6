import Foundation
import Crypto
@testable import SolventProof
import Testing

@Suite struct CheckpointTests {
    /// A fixed seed: the key type is not Sendable, so it is made where it is used.
    static let seed = [UInt8](repeating: 7, count: 32)
    static var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }
    static let tree = LogReference.tree(LogReference.data(30), cachedLevelMin: 2)
    static let origin = "solvent.test/journal"

    static func signed(size: UInt64, root: LogHash? = nil, key: Curve25519.Signing.PrivateKey = key) throws
        -> SignedCheckpoint {
        try SignedCheckpoint(signing: Checkpoint(origin: origin, size: size, root: root ?? tree.root(size: size)),
                             with: key)
    }

    @Test func theTextIsTheC2SPBody() throws {
        let checkpoint = Checkpoint(origin: Self.origin, size: 8,
                                    root: LogHash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")!)
        #expect(checkpoint.text == "solvent.test/journal\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
    }

    @Test func aSignedNoteRoundTripsAndVerifies() throws {
        let signed = try Self.signed(size: 30)
        let parsed = try SignedCheckpoint(note: signed.note)
        #expect(parsed == signed)
        #expect(parsed.checkpoint.root == Self.tree.root)
        #expect(signed.note.contains("\n\n\u{2014} solvent.test/journal "))
        try parsed.verify(publicKey: Self.key.publicKey)
    }

    @Test func anotherKeyIsNotTheExchangesSignature() throws {
        let other = Curve25519.Signing.PrivateKey()
        #expect(throws: CheckpointError.noSignatureByKey(Self.origin)) {
            try Self.signed(size: 30).verify(publicKey: other.publicKey)
        }
    }

    @Test func aChangedSizeOrRootBreaksTheSignature() throws {
        let note = try Self.signed(size: 30).note
        let resized = note.replacingFirst("\n30\n", with: "\n31\n")
        #expect(throws: CheckpointError.badSignature) {
            try SignedCheckpoint(note: resized).verify(publicKey: Self.key.publicKey)
        }
        let other = try Self.signed(size: 30, root: Self.tree.root(size: 29)).checkpoint.text
        let rerooted = other + "\n" + note.split(separator: "\n\n", maxSplits: 1)[1]
        #expect(throws: CheckpointError.badSignature) {
            try SignedCheckpoint(note: String(rerooted)).verify(publicKey: Self.key.publicKey)
        }
    }

    @Test func malformedNotesAreRefused() throws {
        let note = try Self.signed(size: 30).note
        let bad = [
            note.replacingFirst("\n30\n", with: "\n030\n"),
            note.replacingFirst("\n30\n", with: "\n+30\n"),
            note.replacingFirst("\n30\n", with: "\n\n"),
            note.replacingFirst("\u{2014}", with: "-"),
            String(note.dropLast()),
            note.replacingFirst("=\n\n", with: "\n\n"),
            "extra\n" + note.replacingFirst("\n\n", with: "\nextension\n\n"),
        ]
        for text in bad {
            #expect(throws: CheckpointError.self, "\(text)") { try SignedCheckpoint(note: text) }
        }
    }

    @Test func twoSignedRootsForOneSizeAreEquivocation() throws {
        let honest = try Self.signed(size: 20)
        var rewritten = LogReference.data(30)
        rewritten[3] = [0x42]
        let forked = try Self.signed(size: 20, root: LogReference.tree(rewritten, cachedLevelMin: 2).root(size: 20))
        let finding = try CheckpointComparison.compare(honest, forked, publicKey: Self.key.publicKey)
        #expect(finding == .equivocation(Equivocation(size: 20, first: honest, second: forked)))
        #expect(try CheckpointComparison.compare(honest, honest, publicKey: Self.key.publicKey) == .agree)
    }

    @Test func aForgedSecondCheckpointIsNotEquivocationButUnsigned() throws {
        let honest = try Self.signed(size: 20)
        let forged = try Self.signed(size: 20, root: Self.tree.root(size: 19), key: Curve25519.Signing.PrivateKey())
        #expect(throws: CheckpointComparisonError.unsigned(.noSignatureByKey(Self.origin))) {
            try CheckpointComparison.compare(honest, forged, publicKey: Self.key.publicKey)
        }
    }

    @Test func aLargerCheckpointExtendsASmallerOneOnlyWithAValidProof() throws {
        let older = try Self.signed(size: 13)
        let newer = try Self.signed(size: 30)
        let proof = try Self.tree.consistencyProof(from: 13, to: 30)
        #expect(try CheckpointComparison.compare(newer, older, proof: proof, publicKey: Self.key.publicKey) == .extends)
        #expect(throws: CheckpointComparisonError.proofNeeded) {
            try CheckpointComparison.compare(older, newer, publicKey: Self.key.publicKey)
        }
        #expect(throws: CheckpointComparisonError.proofForOtherSizes) {
            try CheckpointComparison.compare(older, newer, proof: Self.tree.consistencyProof(from: 12, to: 30),
                                             publicKey: Self.key.publicKey)
        }
        var rewritten = LogReference.data(30)
        rewritten[0] = [0x42]
        let rewrittenTree = LogReference.tree(rewritten, cachedLevelMin: 2)
        let forkedNewer = try Self.signed(size: 30, root: rewrittenTree.root)
        let error = #expect(throws: CheckpointComparisonError.self) {
            try CheckpointComparison.compare(older, forkedNewer, proof: rewrittenTree.consistencyProof(from: 13, to: 30),
                                             publicKey: Self.key.publicKey)
        }
        guard case .notConsistent(.firstRootMismatch) = error else {
            Issue.record("expected a rewritten log, got \(String(describing: error))")
            return
        }
    }
}

/// The checkpoints are stock C2SP: a verifier written from the C2SP texts accepts them.
@Suite struct CheckpointStandardTests {
    static var publicKey: [UInt8] { Array(CheckpointTests.key.publicKey.rawRepresentation) }
    static var verifierKey: String { C2SPNoteReference.verifierKey(name: CheckpointTests.origin, publicKey: publicKey) }

    @Test func anIndependentC2SPVerifierAcceptsTheSignedNote() throws {
        let signed = try CheckpointTests.signed(size: 30)
        let verified = try C2SPNoteReference.verify(note: signed.note, verifierKey: Self.verifierKey)
        #expect(verified == .init(origin: CheckpointTests.origin, size: 30, rootHash: CheckpointTests.tree.root.bytes))
        #expect(SignedCheckpoint.verifierKey(name: CheckpointTests.origin, publicKey: CheckpointTests.key.publicKey)
                == Self.verifierKey)
    }

    @Test func theIndependentVerifierRejectsAlteredNotes() throws {
        let note = try CheckpointTests.signed(size: 30).note
        #expect(throws: C2SPNoteReference.Failure.badSignature) {
            try C2SPNoteReference.verify(note: note.replacingFirst("\n30\n", with: "\n31\n"), verifierKey: Self.verifierKey)
        }
        let otherKey = C2SPNoteReference.verifierKey(name: CheckpointTests.origin,
                                                     publicKey: Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation))
        #expect(throws: C2SPNoteReference.Failure.noMatchingSignature) {
            try C2SPNoteReference.verify(note: note, verifierKey: otherKey)
        }
    }

    /// A note signed by the reference's rules (plain Ed25519 over the text, C2SP key hash) is
    /// accepted by SolventProof, and a cosignature by a witness's key beside it is ignored.
    @Test func solventAcceptsANoteSignedByTheStandardRulesWithACosignature() throws {
        let text = try CheckpointTests.signed(size: 12).checkpoint.text
        let key = CheckpointTests.key
        let witness = Curve25519.Signing.PrivateKey()
        func line(_ name: String, _ signer: Curve25519.Signing.PrivateKey) throws -> String {
            let blob = C2SPNoteReference.keyHash(name: name, publicKey: Array(signer.publicKey.rawRepresentation))
                + Array(try signer.signature(for: Array(text.utf8)))
            return "\u{2014} \(name) \(Data(blob).base64EncodedString())\n"
        }
        let note = text + "\n" + (try line("witness.example", witness)) + (try line(CheckpointTests.origin, key))
        let parsed = try SignedCheckpoint(note: note)
        try parsed.verify(publicKey: key.publicKey)
        #expect(parsed.checkpoint.size == 12)
    }

    @Test func originsThatCannotNameAKeyOrHoldControlCharactersAreRefused() {
        let root = CheckpointTests.tree.root
        #expect(throws: CheckpointError.self) {
            try SignedCheckpoint(signing: Checkpoint(origin: "two words", size: 1, root: root), with: CheckpointTests.key)
        }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "a\u{1}b\n1\n\(Base64.encode(root.bytes))\n") }
    }
}
