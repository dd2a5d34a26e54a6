/// A statement of the journal log's state: "the log named `origin` has `size` entries and
/// this root". The text is the C2SP tlog-checkpoint body:
///
///     <origin>\n
///     <size, decimal>\n
///     <root, standard base64>\n
///
/// No extension lines are written or accepted, so each checkpoint has exactly one text.
public struct Checkpoint: Hashable, Sendable {
    public var origin: String
    public var size: UInt64
    public var root: LogHash

    public init(origin: String, size: UInt64, root: LogHash) {
        precondition(Self.isValidOrigin(origin), "an origin is one non-empty line without control characters")
        self.origin = origin
        self.size = size
        self.root = root
    }

    public var text: String {
        "\(origin)\n\(size)\n\(Base64.encode(root.bytes))\n"
    }

    /// Parses the three-line body strictly.
    public init(text: String) throws(CheckpointError) {
        guard text.hasSuffix("\n") else { throw .malformed("the body must end with a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3 else { throw .malformed("the body must have 3 lines, not \(lines.count)") }
        guard Self.isValidOrigin(String(lines[0])) else {
            throw .malformed("the origin line is empty or holds a control character")
        }
        guard let size = Self.decimal(lines[1]) else { throw .malformed("the size is not a canonical decimal") }
        guard let bytes = Base64.decode(lines[2]), let root = LogHash(bytes: bytes) else {
            throw .malformed("the root is not 32 bytes of canonical base64")
        }
        self.init(origin: String(lines[0]), size: size, root: root)
    }

    /// Non-empty, and no control character (a signed note's text may hold none but newlines).
    static func isValidOrigin(_ origin: String) -> Bool {
        !origin.isEmpty && !origin.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Digits only, no sign, no leading zero except "0" itself, within UInt64.
    private static func decimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              text == "0" || !text.hasPrefix("0") else { return nil }
        return UInt64(text)
    }
}

/// Why a checkpoint or signed note was refused.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    /// The note carries no signature by the key it was checked with (key name and key id).
    case noSignatureByKey(String)
    case badSignature

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed checkpoint: \(reason)"
        case .noSignatureByKey(let name): "the checkpoint carries no signature by the key \"\(name)\""
        case .badSignature: "the checkpoint's signature does not verify"
        }
    }
}
