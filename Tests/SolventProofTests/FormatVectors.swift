import Crypto
import Foundation
@testable import SolventProof

/// The small epoch whose bytes PROOF-FORMAT.md prints as its test vectors: three accounts, two
/// assets, height 4, fixed secrets. Everything here comes from SolventProof; the document's copy
/// is compared with it, and checked by `DocumentVerifier`, which does not use SolventProof.
enum FormatVectors {
    static let master = Hash256(bytes: [UInt8](repeating: 0x07, count: 32))!
    static let signingSeed = [UInt8](repeating: 0x03, count: 32)
    static var signingKey: Curve25519.Signing.PrivateKey { try! .init(rawRepresentation: signingSeed) }
    static let assets = [ProofAsset(symbol: "BTC", scale: 8)!, ProofAsset(symbol: "USDT", scale: 6)!]
    static let accounts = [LiabilityAccount(accountId: 1, balances: [150_000_000, 2_500_000_000]),
                           LiabilityAccount(accountId: 2, balances: [1, 0]),
                           LiabilityAccount(accountId: 3, balances: [0, 7_000_000])]
    static let epoch: UInt64 = 1
    static let tree = try! LiabilityTree.build(LiabilitySnapshot(assets: assets, accounts: accounts), epoch: epoch,
                                               height: 4, secrets: TreeSecrets(master: master))
    static let header = try! EpochHeader(
        tree: tree, exchangeId: "vectors", previousHeaderHash: .zero, snapshotTimeMs: 1_700_000_000_000,
        journalSize: 42, journalRoot: Hash256(bytes: [UInt8](repeating: 0x11, count: 32))!,
        reserves: [200_000_000, 3_000_000_000]).sign(with: signingKey)
    static let checkpoint = try! SignedCheckpoint(
        signing: Checkpoint(origin: "vectors.example/journal", size: 42,
                            root: LogHash(bytes: Array(SHA256.hash(data: Array("vectors".utf8))))!),
        with: signingKey)

    static func secret(_ account: UInt64) -> UserSecret {
        TreeSecrets(master: master).userSecret(accountId: account, epoch: epoch)
    }

    static func proof(_ account: UInt64) -> InclusionProof {
        try! tree.proof(for: account, header: header.header)
    }

    /// Every vector by its name in the document.
    static var all: [(name: String, text: String)] {
        let first = proof(1).leaves[0]
        var leafInput: [UInt8] = [0x00] + Array("solvent-pol-leaf-v2".utf8)
        leafInput.appendBigEndian(epoch)
        leafInput.appendBigEndian(first.index)
        leafInput += secret(1).commitment(accountId: 1).bytes
        for balance in first.balances { leafInput.appendBigEndian(balance) }
        return [
            ("master", master.hex),
            ("signing-seed", Hex.encode(signingSeed)),
            ("public-key", Hex.encode(Array(signingKey.publicKey.rawRepresentation))),
            ("user-secret-1", secret(1).hex),
            ("commitment-1", secret(1).commitment(accountId: 1).hex),
            ("leaf-input-1-0", Hex.encode(leafInput)),
            ("leaf-hash-1-0", first.hash.hex),
            ("header-canonical", Hex.encode(header.header.canonicalBytes)),
            ("header-hash", header.hash.hex),
            ("header-json", header.json),
            ("proof-1-json", proof(1).json),
            ("user-secret-2", secret(2).hex),
            ("proof-2-json", proof(2).json),
            ("checkpoint-verifier-key", SignedCheckpoint.verifierKey(name: "vectors.example/journal",
                                                                     publicKey: signingKey.publicKey)),
            ("checkpoint-note", checkpoint.note),
        ] + ReserveVectors.all
    }

    /// The vectors printed in PROOF-FORMAT.md: the block after each `<!-- vector:NAME -->` line.
    static func inDocument() throws -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PROOF-FORMAT.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var found: [String: String] = [:]
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("<!-- vector:"), line.hasSuffix(" -->") else { continue }
            let name = String(line.dropFirst("<!-- vector:".count).dropLast(" -->".count))
            guard lines.popFirst()?.hasPrefix("```") == true else { continue }
            var body: [String] = []
            while let next = lines.popFirst(), next != "```" { body.append(next) }
            found[name] = body.joined(separator: "\n")
        }
        return found
    }
}
