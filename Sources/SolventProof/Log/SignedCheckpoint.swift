import Crypto

/// A checkpoint with the exchange's Ed25519 signature, laid out as a C2SP signed note: the
/// checkpoint text, a blank line, then one line per signature,
///
///     — <key name> <base64(key id ‖ signature)>\n
///
/// where the key id is the first 4 bytes of SHA-256(key name ‖ "\n" ‖ 0x01 ‖ public key),
/// as C2SP defines it for Ed25519 keys.
///
/// and the Ed25519 signature is over the checkpoint text itself, as C2SP signed-note says, so a
/// stock note verifier (and a transparency-log witness) accepts it. The exchange signs epoch
/// headers with the same key, over `"solvent-pol-header-signature-v1" ‖ canonical bytes`, whose
/// byte after the tag is 0x00 (the version's high byte): a control byte, which a note text may
/// never contain, so neither signature can be passed off as the other.
public struct SignedCheckpoint: Hashable, Sendable {
    static let signaturePrefix = "\u{2014} "

    public let checkpoint: Checkpoint
    /// Every signature line, as (key name, key id ‖ signature); others may cosign.
    public let signatures: [(name: String, blob: [UInt8])]

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.note == rhs.note }
    public func hash(into hasher: inout Hasher) { hasher.combine(note) }

    /// Signs `checkpoint` with `key`, naming the key `checkpoint.origin` (which must then be a
    /// valid key name: no spaces, no "+").
    public init(signing checkpoint: Checkpoint, with key: Curve25519.Signing.PrivateKey) throws {
        guard Self.isValidKeyName(checkpoint.origin) else {
            throw CheckpointError.malformed("the origin names the key, so it may not hold a space or \"+\"")
        }
        let message = Array(checkpoint.text.utf8)
        let signature = Array(try key.signature(for: message))
        let keyId = Self.keyId(name: checkpoint.origin, publicKey: key.publicKey)
        self.checkpoint = checkpoint
        signatures = [(checkpoint.origin, keyId + signature)]
    }

    /// The whole signed note.
    public var note: String {
        checkpoint.text + "\n" + signatures.map { "\(Self.signaturePrefix)\($0.name) \(Base64.encode($0.blob))\n" }.joined()
    }

    /// Parses a signed note strictly; the signatures are checked by `verify`.
    public init(note: String) throws(CheckpointError) {
        guard let blank = note.range(of: "\n\n") else { throw .malformed("no blank line before the signatures") }
        checkpoint = try Checkpoint(text: String(note[..<blank.lowerBound]) + "\n")
        let lines = note[blank.upperBound...]
        guard lines.hasSuffix("\n") else { throw .malformed("the signature lines must end with a newline") }
        var signatures: [(String, [UInt8])] = []
        for line in lines.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(Self.signaturePrefix) else { throw .malformed("a signature line must start with an em dash") }
            let fields = line.dropFirst(Self.signaturePrefix.count).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, let blob = Base64.decode(fields[1]), blob.count > 4 else {
                throw .malformed("a signature line must be \"— <name> <base64 signature>\"")
            }
            signatures.append((String(fields[0]), blob))
        }
        guard !signatures.isEmpty else { throw .malformed("no signature lines") }
        self.signatures = signatures
    }

    /// Checks that `publicKey`, under the name `keyName` (the origin by default), signed this
    /// checkpoint.
    public func verify(publicKey: Curve25519.Signing.PublicKey, keyName: String? = nil) throws(CheckpointError) {
        let name = keyName ?? checkpoint.origin
        let keyId = Self.keyId(name: name, publicKey: publicKey)
        guard let blob = signatures.first(where: { $0.name == name && Array($0.blob.prefix(4)) == keyId })?.blob else {
            throw .noSignatureByKey(name)
        }
        let message = Array(checkpoint.text.utf8)
        guard blob.count == 4 + 64, publicKey.isValidSignature(blob.dropFirst(4), for: message) else {
            throw .badSignature
        }
    }

    /// The C2SP verifier key of `publicKey` under `name`, `<name>+<key id hex>+<base64(0x01 ‖ key)>`:
    /// what a witness or a stock note verifier is configured with.
    public static func verifierKey(name: String, publicKey: Curve25519.Signing.PublicKey) -> String {
        let keyData = [0x01] + Array(publicKey.rawRepresentation)
        return "\(name)+\(Hex.encode(keyId(name: name, publicKey: publicKey)))+\(Base64.encode(keyData))"
    }

    /// A signed-note key name: non-empty, no Unicode space, no "+".
    static func isValidKeyName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
    }

    /// C2SP's key id for an Ed25519 key: SHA-256(name ‖ "\n" ‖ 0x01 ‖ key)[0..<4].
    public static func keyId(name: String, publicKey: Curve25519.Signing.PublicKey) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, 0x01] + Array(publicKey.rawRepresentation))
        return Array(hasher.finalize().prefix(4))
    }
}
