/// Where each account's leaf goes: a uniform permutation drawn by Fisher–Yates from an HMAC
/// stream (`HMAC(shuffleKey, counter)`, 32 bytes per block). Deterministic given the key, so the
/// same snapshot and secret always give the same tree; unpredictable without it, so a leaf's
/// position says nothing about the account (its id, its age, its neighbours).
enum LeafShuffle {
    /// `result[i]` is the leaf position of the i-th account in id order.
    static func permutation(count: Int, key: Hash256) -> [UInt32] {
        precondition(count <= Int(UInt32.max), "leaf positions are 32-bit here")
        var positions = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for at in 0..<count { buffer[at] = UInt32(truncatingIfNeeded: at) }
            initialized = count
        }
        var stream = KeyedStream(key: key)
        positions.withUnsafeMutableBufferPointer { buffer in
            var at = count - 1
            while at > 0 {
                buffer.swapAt(at, Int(stream.below(UInt64(at + 1))))
                at -= 1
            }
        }
        return positions
    }

    /// The inverse of `positions`: `result[position]` is the account (in id order) placed there.
    static func inverse(_ positions: [UInt32]) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: positions.count) { buffer, initialized in
            for (account, position) in positions.enumerated() {
                buffer[Int(position)] = UInt32(truncatingIfNeeded: account)
            }
            initialized = positions.count
        }
    }
}

/// 64-bit words from `HMAC(key, counter)`, counter = 0, 1, 2, … (big-endian, 8 bytes), four per block.
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
