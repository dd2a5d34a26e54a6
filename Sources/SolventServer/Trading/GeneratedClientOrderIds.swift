import SolventCore
import Synchronization

/// The client order ids the server makes up when a request sends none: 22 letters and digits,
/// like Binance's. They need to be unique, not secret, so they come from a counter scrambled by
/// SplitMix64 (a bijection: distinct counters give distinct ids) from a seed drawn once per
/// process, instead of 22 calls into the kernel's secure generator per order.
enum GeneratedClientOrderIds {
    private static let seed = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    static func next() -> ClientOrderId {
        let n = counter.add(1, ordering: .relaxed).newValue
        var bytes = [UInt8](repeating: 0, count: 22)
        // 11 base-62 digits from each of two 64-bit words (62^11 < 2^64).
        for (half, word) in [scramble(seed &+ n), scramble(~seed &- n)].enumerated() {
            var rest = word
            for index in 0..<11 {
                bytes[half * 11 + index] = alphabet[Int(rest % 62)]
                rest /= 62
            }
        }
        return ClientOrderId(String(decoding: bytes, as: UTF8.self))!
    }

    private static func scramble(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
