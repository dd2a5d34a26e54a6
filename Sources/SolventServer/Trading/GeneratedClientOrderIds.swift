import SolventCore
import Synchronization

/// The client order ids the server makes up when a request sends none: 22 letters and digits,
/// like Binance's. They need to be unique, not secret or unguessable (a client order id only
/// names an order within its own account), and they should sort by time: the history store
/// indexes orders by client id, and ids that grow with time land on the rightmost pages of that
/// index instead of dirtying a random page per order.
///
/// The first 8 digits are the time in milliseconds, the other 14 come from a per-process counter
/// scrambled by SplitMix64 (a bijection: distinct counters give distinct ids) from a seed drawn
/// once, which also keeps ids of two processes started in the same millisecond apart.
package enum GeneratedClientOrderIds {
    private static let seed = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    package static func next(milliseconds: Int64 = ServerClock.milliseconds()) -> ClientOrderId {
        let n = counter.add(1, ordering: .relaxed).newValue
        // On the stack: one id per order entered, so no array or string is made for it.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 22) { bytes in
            // Most significant digit first, so byte order (and SQLite's text order) is time order.
            fill(bytes, 0..<8, with: UInt64(max(0, milliseconds)))
            fill(bytes, 8..<19, with: scramble(seed &+ n))
            fill(bytes, 19..<22, with: scramble(~seed &- n))
            return ClientOrderId(bytes: UnsafeBufferPointer(bytes))!
        }
    }

    /// Writes the low base-62 digits of `value` into `digits` of `bytes`, most significant first.
    private static func fill(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ digits: Range<Int>, with value: UInt64) {
        var rest = value
        for index in digits.reversed() {
            bytes[index] = alphabet[Int(rest % 62)]
            rest /= 62
        }
    }

    private static func scramble(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
