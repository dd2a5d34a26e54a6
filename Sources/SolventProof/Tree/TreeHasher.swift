/// The three hashes of the tree, shared by the builder and the verifier so both hash the same bytes:
///
/// - leaf:    `SHA256(0x00 ‖ "solvent-pol-leaf-v2" ‖ epoch ‖ index ‖ commitment ‖ balance₀ … balanceₖ₋₁)`
/// - node:    `SHA256(0x01 ‖ level ‖ hashL ‖ sumsL ‖ hashR ‖ sumsR)`, level of the node (1 … height),
///            sums as 128-bit big-endian, one per asset
/// - padding: `HMAC(paddingKey, 0x02 ‖ level ‖ index)` with zero sums, for an empty subtree
///
/// Committing to both children's hashes AND both children's sums separately is what stops a
/// parent from showing each child a different total (Maxwell's flaw). All integers are big-endian
/// (epoch, index: 8 bytes; balances: 8; sums: 16; level: 1).
///
/// Holds one input buffer, reused for every hash, so building allocates nothing per node
/// beyond what swift-crypto's hasher does.
struct TreeHasher {
    let assetCount: Int
    private var buffer: [UInt8]

    init(assetCount: Int) {
        self.assetCount = assetCount
        let leafLength = Self.leafPrefixLength + assetCount * 8
        let nodeLength = 2 + 2 * (Hash256.byteCount + assetCount * 16)
        buffer = [UInt8](repeating: 0, count: max(leafLength, nodeLength))
    }

    private static let leafPrefixLength = 1 + ProofFormat.leafTag.count + 8 + 8 + Hash256.byteCount

    mutating func leaf(epoch: UInt64, index: UInt64, commitment: Hash256,
                       balances: UnsafePointer<UInt64>) -> Hash256 {
        let count = assetCount
        return buffer.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            base.storeBytes(of: ProofFormat.leafDomain, as: UInt8.self)
            let tag = ProofFormat.leafTag
            tag.withUnsafeBytes { (base + 1).copyMemory(from: $0.baseAddress!, byteCount: tag.count) }
            var at = base.storeBigEndian(epoch, at: 1 + tag.count)
            at = base.storeBigEndian(index, at: at)
            commitment.store(to: base + at)
            at += Hash256.byteCount
            for asset in 0..<count { at = base.storeBigEndian(balances[asset], at: at) }
            return sha256(UnsafeRawBufferPointer(start: base, count: at))
        }
    }

    /// The hash of a node at `level` whose children are (left, leftSums) and (right, rightSums);
    /// each sums pointer addresses `assetCount` values.
    mutating func node(level: Int, left: Hash256, leftSums: UnsafePointer<UInt128>,
                       right: Hash256, rightSums: UnsafePointer<UInt128>) -> Hash256 {
        assert((1...ProofFormat.heightMax).contains(level), "node levels are 1…heightMax")
        let count = assetCount
        return buffer.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            base.storeBytes(of: ProofFormat.nodeDomain, as: UInt8.self)
            base.storeBytes(of: UInt8(level), toByteOffset: 1, as: UInt8.self)
            func put(_ hash: Hash256, _ sums: UnsafePointer<UInt128>, at start: Int) -> Int {
                hash.store(to: base + start)
                var at = start + Hash256.byteCount
                for asset in 0..<count { at = base.storeBigEndian(sums[asset], at: at) }
                return at
            }
            let end = put(right, rightSums, at: put(left, leftSums, at: 2))
            return sha256(UnsafeRawBufferPointer(start: base, count: end))
        }
    }

    /// `node` for callers holding arrays (the verifier, proofs).
    mutating func node(level: Int, left: Hash256, leftSums: [UInt128], right: Hash256, rightSums: [UInt128]) -> Hash256 {
        precondition(leftSums.count == assetCount && rightSums.count == assetCount, "one sum per asset")
        return leftSums.withUnsafeBufferPointer { leftBuffer in
            rightSums.withUnsafeBufferPointer { rightBuffer in
                node(level: level, left: left, leftSums: leftBuffer.baseAddress!,
                     right: right, rightSums: rightBuffer.baseAddress!)
            }
        }
    }

    mutating func leaf(epoch: UInt64, index: UInt64, commitment: Hash256, balances: [UInt64]) -> Hash256 {
        precondition(balances.count == assetCount, "one balance per asset")
        return balances.withUnsafeBufferPointer { buffer in
            leaf(epoch: epoch, index: index, commitment: commitment, balances: buffer.baseAddress!)
        }
    }

    /// The stand-in hash of the empty subtree at (`level`, `index`); its sums are zero.
    static func padding(_ key: KeyedHash, level: Int, index: UInt64) -> Hash256 {
        var message: [UInt8] = [ProofFormat.paddingDomain, UInt8(level)]
        message.appendBigEndian(index)
        return key.authenticationCode(message)
    }
}
