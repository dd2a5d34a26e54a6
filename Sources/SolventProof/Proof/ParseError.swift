/// Why a header or proof text was refused, and at which byte. The JSON forms are canonical (one
/// spelling per content: fixed key order, no whitespace, no escapes), so anything else is an error.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Another byte sequence was required here (a key, a bracket, a comma).
        case expected(String)
        /// A JSON integer that is not canonical or too large (reusing the amount rules at scale 0).
        case integer(AmountText.Problem)
        case amount(AmountText.Problem)
        case hex(Hex.Problem)
        /// A symbol or exchange id outside `ProofAsset.isValidName`, or a scale above 18.
        case invalidName
        case invalidScale
        /// A list is longer than its bound (assets, path steps).
        case tooMany(String)
        /// A list's length differs from the asset count it must match.
        case countMismatch(String)
        case unsupportedVersion(UInt64)
        case heightOutOfRange(UInt64)
        /// Bytes after the closing brace (one final newline is allowed).
        case trailingBytes
    }

    public let reason: Reason
    /// Byte offset in the text where the problem was found.
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason) at byte \(offset)" }
}
