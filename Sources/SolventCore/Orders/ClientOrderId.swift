/// A client-chosen order id, held inline (no heap) so orders and events stay plain values.
///
/// Binance allows `^[\.A-Z\:/a-z0-9_-]{1,36}$`; the empty id means "none given".
public struct ClientOrderId: Hashable, Sendable, CustomStringConvertible {
    public static let capacity = 36
    public static let none = ClientOrderId()

    // 36 bytes of ASCII in five words, little-endian within each word.
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var w4: UInt32 = 0
    public private(set) var count: UInt8 = 0

    public init() {}

    /// `nil` unless `text` is 1...36 characters from Binance's client-id alphabet.
    public init?(_ text: String) {
        var text = text
        guard let id = text.withUTF8({ ClientOrderId(bytes: $0) }) else { return nil }
        self = id
    }

    /// `nil` unless `bytes` are 1...36 bytes from Binance's client-id alphabet. Not generic, so
    /// callers in other modules need no specialization to be fast.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard (1...Self.capacity).contains(bytes.count), bytes.allSatisfy(Self.isAllowed) else { return nil }
        for (index, byte) in bytes.enumerated() { setByte(byte, at: index) }
        count = UInt8(bytes.count)
    }

    public var isEmpty: Bool { count == 0 }

    public var description: String {
        String(decoding: (0..<Int(count)).map(byte(at:)), as: UTF8.self)
    }

    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    func byte(at index: Int) -> UInt8 {
        let shift = UInt64((index % 8) * 8)
        switch index / 8 {
        case 0: return UInt8(truncatingIfNeeded: w0 >> shift)
        case 1: return UInt8(truncatingIfNeeded: w1 >> shift)
        case 2: return UInt8(truncatingIfNeeded: w2 >> shift)
        case 3: return UInt8(truncatingIfNeeded: w3 >> shift)
        default: return UInt8(truncatingIfNeeded: w4 >> UInt32(shift))
        }
    }

    private mutating func setByte(_ byte: UInt8, at index: Int) {
        let shift = UInt64((index % 8) * 8)
        switch index / 8 {
        case 0: w0 |= UInt64(byte) << shift
        case 1: w1 |= UInt64(byte) << shift
        case 2: w2 |= UInt64(byte) << shift
        case 3: w3 |= UInt64(byte) << shift
        default: w4 |= UInt32(byte) << UInt32(shift)
        }
    }
}
