import SolventCore

/// Builds one JSON document as UTF-8 bytes, front to back, with no intermediate tree.
///
/// Responses are written straight into a byte buffer because the REST hot path answers every
/// order with one: Foundation's `JSONEncoder` would cost a tree, a dictionary per object and a
/// `Double` round trip for numbers. Commas are placed automatically: a value or key written after
/// a sibling is preceded by one. Keys keep the order in which they are written, which is how the
/// Binance shapes in the spec are reproduced field for field.
public struct JSONWriter: Sendable {
    /// Nesting a response never approaches; deeper means a begin without its end.
    public static let depthMax = 32

    public private(set) var bytes: [UInt8]
    /// Whether the next key or value follows a sibling and so needs a comma first.
    private var needsComma = false
    private var depth = 0

    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The finished document. A response must begin with `{` or `[` (ccxt decodes nothing else,
    /// spec §1.3) and every container must be closed.
    public func finish() -> [UInt8] {
        precondition(depth == 0, "JSON document has \(depth) unclosed containers")
        precondition(bytes.first == UInt8(ascii: "{") || bytes.first == UInt8(ascii: "["),
                     "a response must start with '{' or '['")
        return bytes
    }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `{`, what `body` writes, `}`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes `[`, what `body` writes, `]`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        beginArray()
        body(&self)
        endArray()
    }

    /// Writes `"name":`; the value must follow.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    public mutating func string(_ text: String) {
        separate()
        appendQuoted(text)
        needsComma = true
    }

    public mutating func int(_ value: Int64) {
        separate()
        appendInteger(value)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: Self.nullBytes)
        needsComma = true
    }

    /// `units` of 10^-scale as a JSON *string* with exactly `scale` fraction digits:
    /// 100000 at scale 8 is `"0.00100000"`. Binance sends every amount this way (spec §1.3).
    public mutating func decimal(_ units: Int64, scale: Scale) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        DecimalText.format(units, scale: scale, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A value that is already JSON (a pre-rendered object, for instance); copied as it is.
    public mutating func raw(_ json: [UInt8]) {
        precondition(!json.isEmpty, "raw JSON value is empty")
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    // MARK: Fields: a key and its value in one call

    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Int64) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func decimalField(_ name: String, _ units: Int64, scale: Scale) {
        key(name)
        decimal(units, scale: scale)
    }

    // MARK: Bytes

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    private mutating func open(_ bracket: UInt8) {
        separate()
        precondition(depth < Self.depthMax, "JSON nested deeper than \(Self.depthMax)")
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0, "JSON container closed that was never opened")
        bytes.append(bracket)
        depth -= 1
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        JSONEscaping.append(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendInteger(_ value: Int64) {
        // 20 digits hold UInt64.max; the sign is written separately.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }
}
