import Crypto
import SolventProof

/// The tree written from PROOF-FORMAT.md alone (derivations, placement, shares, hashes) with
/// swift-crypto's own HMAC and SHA-256, recursively and slowly: the fast builder must agree with
/// it byte for byte, positions included.
struct ReferenceTree {
    struct Leaf {
        let slot: UInt64
        let commitment: [UInt8]
        let balances: [UInt64]
    }

    let master: [UInt8]
    let epoch: UInt64
    let height: Int
    let assetCount: Int
    /// Slots of each account's shares, by account id.
    private(set) var slots: [UInt64: [UInt64]] = [:]
    private(set) var leaves: [Leaf] = []

    init(master: [UInt8], epoch: UInt64, height: Int, snapshot: LiabilitySnapshot) {
        self.master = master
        self.epoch = epoch
        self.height = height
        assetCount = snapshot.assets.count
        var taken = Set<UInt64>()
        let rows = snapshot.accountIds.indices.sorted { snapshot.accountIds[$0] < snapshot.accountIds[$1] }
        for row in rows {
            let id = snapshot.accountIds[row]
            let commitment = Self.hmac(key: userSecret(id), Self.bigEndian(id))
            var placement = Stream(key: Self.hmac(key: derived("placement"), commitment))
            let candidates = [placement.next(), placement.next()]
            let total = Array(snapshot.balances(row: row))
            var split = Stream(key: Self.hmac(key: derived("split"), Self.bigEndian(id)))
            let first = total.map { balance -> UInt64 in
                switch balance {
                case 0: 0
                case 1: split.next() & 1
                default: 1 + split.below(balance - 1)
                }
            }
            var mine: [UInt64] = []
            for share in 0..<2 {
                var slot = slot(candidates[share], share: share)
                while !taken.insert(slot).inserted { slot = self.slot(placement.next(), share: share) }
                mine.append(slot)
                let balances = share == 0 ? first : zip(total, first).map { $0 - $1 }
                leaves.append(Leaf(slot: slot, commitment: commitment, balances: balances))
            }
            slots[id] = mine
        }
    }

    func derived(_ label: String) -> [UInt8] {
        Self.hmac(key: master, Array(label.utf8) + Self.bigEndian(epoch))
    }

    func userSecret(_ id: UInt64) -> [UInt8] {
        Self.hmac(key: derived("user"), Self.bigEndian(id))
    }

    private func slot(_ word: UInt64, share: Int) -> UInt64 {
        word >> UInt64(65 - height) | UInt64(share) << UInt64(height - 1)
    }

    func root() -> (hash: [UInt8], sums: [UInt128]) {
        node(level: height, index: 0, leaves)
    }

    /// The node at (`level`, `index`), given the leaves under it.
    func node(level: Int, index: UInt64, _ below: [Leaf]) -> (hash: [UInt8], sums: [UInt128]) {
        guard !below.isEmpty else {
            let padding = Self.hmac(key: derived("padding"), [0x02, UInt8(level)] + Self.bigEndian(index))
            return (padding, [UInt128](repeating: 0, count: assetCount))
        }
        if level == 0 {
            let leaf = below[0]
            var input: [UInt8] = [0x00] + Array("solvent-pol-leaf-v2".utf8)
            input += Self.bigEndian(epoch) + Self.bigEndian(leaf.slot) + leaf.commitment + leaf.balances.flatMap(Self.bigEndian)
            return (Array(SHA256.hash(data: input)), leaf.balances.map { UInt128($0) })
        }
        let bit = UInt64(1) << UInt64(level - 1)
        let left = node(level: level - 1, index: 2 * index, below.filter { $0.slot & bit == 0 })
        let right = node(level: level - 1, index: 2 * index + 1, below.filter { $0.slot & bit != 0 })
        var input: [UInt8] = [0x01, UInt8(level)]
        input += left.hash + left.sums.flatMap(Self.bigEndian) + right.hash + right.sums.flatMap(Self.bigEndian)
        return (Array(SHA256.hash(data: input)), zip(left.sums, right.sums).map { $0 + $1 })
    }

    /// Words of HMAC(key, counter), four big-endian words per block.
    struct Stream {
        let key: [UInt8]
        var words: [UInt64] = []
        var counter: UInt64 = 0

        init(key: [UInt8]) {
            self.key = key
        }

        mutating func next() -> UInt64 {
            if words.isEmpty {
                let block = ReferenceTree.hmac(key: key, ReferenceTree.bigEndian(counter))
                counter += 1
                words = (0..<4).map { word in block[8 * word..<8 * word + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            }
            return words.removeFirst()
        }

        /// Lemire: the high word of word × bound, redrawn while the low word is below 2^64 mod bound.
        mutating func below(_ bound: UInt64) -> UInt64 {
            let threshold = (0 &- bound) % bound
            while true {
                let product = next().multipliedFullWidth(by: bound)
                if product.low >= threshold { return product.high }
            }
        }
    }

    static func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
