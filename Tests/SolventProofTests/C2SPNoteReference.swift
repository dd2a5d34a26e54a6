import Crypto
import Foundation

/// A signed-note and tlog-checkpoint verifier written from the C2SP texts alone
/// (c2sp.org/signed-note, c2sp.org/tlog-checkpoint), sharing no code with SolventProof:
///
/// - a verifier key is `<name>+<key hash, 8 hex>+<base64(0x01 ‖ 32-byte Ed25519 key)>`, the key
///   hash being the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ key);
/// - a note is its text (UTF-8 lines, each ending in "\n", no other control character), a blank
///   line, then signature lines `— <name> <base64(key hash ‖ signature)>\n`;
/// - an Ed25519 note signature is over the text exactly (with its final newline);
/// - a checkpoint's text is origin, decimal size, base64 root hash, then optional extension lines.
enum C2SPNoteReference {
    struct Verified: Equatable {
        let origin: String
        let size: UInt64
        let rootHash: [UInt8]
    }

    enum Failure: Error, Equatable {
        case badVerifierKey, malformedNote, noMatchingSignature, badSignature, malformedCheckpoint
    }

    static func verifierKey(name: String, publicKey: [UInt8]) -> String {
        let hash = keyHash(name: name, publicKey: publicKey)
        return "\(name)+\(hash.map { String(format: "%02x", $0) }.joined())+\(Data([0x01] + publicKey).base64EncodedString())"
    }

    static func keyHash(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
    }

    static func verify(note: String, verifierKey: String) throws(Failure) -> Verified {
        let parts = verifierKey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let keyData = Data(base64Encoded: String(parts[2])), keyData.count == 33,
              keyData.first == 0x01 else { throw .badVerifierKey }
        let name = String(parts[0])
        let publicKey = Array(keyData.dropFirst())
        guard parts[1] == keyHash(name: name, publicKey: publicKey).map({ String(format: "%02x", $0) }).joined()
        else { throw .badVerifierKey }
        let bytes = Array(note.utf8)
        // The text ends at the last "\n\n": signatures never contain a blank line.
        guard let split = (0..<max(0, bytes.count - 1)).last(where: { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x0A })
        else { throw .malformedNote }
        let text = Array(bytes[...split])
        guard !text.contains(where: { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F }) else { throw .malformedNote }
        let signatureBlock = String(decoding: bytes[(split + 2)...], as: UTF8.self)
        guard signatureBlock.hasSuffix("\n") else { throw .malformedNote }
        var found = false
        for line in signatureBlock.dropLast().components(separatedBy: "\n") {
            guard line.hasPrefix("\u{2014} ") else { throw .malformedNote }
            let fields = line.dropFirst(2).components(separatedBy: " ")
            guard fields.count == 2, let blob = Data(base64Encoded: fields[1]), blob.count >= 5 else { throw .malformedNote }
            guard fields[0] == name, Array(blob.prefix(4)) == keyHash(name: name, publicKey: publicKey) else { continue }
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
            guard blob.count == 68, let key, key.isValidSignature(blob.dropFirst(4), for: text) else { throw .badSignature }
            found = true
        }
        guard found else { throw .noMatchingSignature }
        let lines = String(decoding: text, as: UTF8.self).components(separatedBy: "\n").dropLast()
        guard lines.count >= 3, !lines[0].isEmpty, let size = UInt64(lines[1]), String(size) == lines[1],
              let root = Data(base64Encoded: lines[2]), root.count == 32 else { throw .malformedCheckpoint }
        return Verified(origin: lines[0], size: size, rootHash: Array(root))
    }
}
