/// 64-bit words from `HMAC(key, counter)`, counter = 0, 1, 2, … (big-endian, 8 bytes), each
/// 32-byte block read as four big-endian words in order.
struct KeyedStream {
    private let keyed: KeyedHash
    private var counter: UInt64 = 0
    private var block: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var remaining = 0

    init(key: Hash256) {
        keyed = KeyedHash(key: key)
    }

    mutating func next() -> UInt64 {
        if remaining == 0 {
            block = keyed.authenticationCode(label: [], counter).words
            counter += 1
            remaining = 4
        }
        remaining -= 1
        switch remaining {
        case 3: return block.0
        case 2: return block.1
        case 1: return block.2
        default: return block.3
        }
    }

    /// Uniform in `0..<bound` without modulo bias (Lemire's multiply-and-reject).
    mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }
}
