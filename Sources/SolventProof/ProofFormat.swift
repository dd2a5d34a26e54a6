/// The version of the proof and epoch formats, and the constants every party must agree on.
/// PROOF-FORMAT.md at the repository root is the specification; this file is its summary.
///
/// Every hash the tree, the header and the proof use is SHA-256 over fixed-width, big-endian
/// fields; each kind of input starts with its own domain byte or tag so that no leaf can be read
/// as a node, no node as a padding hash, and no header as anything else.
public enum ProofFormat {
    /// 2: each account's balances are split into two shares, one leaf in each half of the tree.
    public static let version: UInt16 = 2

    /// Shortest tree: one account, its two shares each in a half of two slots.
    public static let heightMin = 2
    /// Tallest tree accepted: 2^48 leaf slots. With every leaf below 2^64, a sum at level `l`
    /// stays below 2^(64 + l) ≤ 2^112, so 128-bit sums can never overflow in a valid tree.
    public static let heightMax = 48
    /// Leaves per account: share `s` sits in half `s` of the tree (bit `height − 1` of its index).
    public static let shareCount = 2
    /// Most assets one tree (and one header) may carry; bounds every parser's loops.
    public static let assetCountMax = 256
    /// Longest exchange id or asset symbol, in bytes.
    public static let nameLengthMax = 32

    // Domain separation: the first bytes of every hashed or signed input.
    static let leafDomain: UInt8 = 0x00
    static let nodeDomain: UInt8 = 0x01
    static let paddingDomain: UInt8 = 0x02
    static let leafTag = Array("solvent-pol-leaf-v2".utf8)
    static let headerHashTag = Array("solvent-pol-header-hash-v1".utf8)
    static let headerSignatureTag = Array("solvent-pol-header-signature-v1".utf8)
    // Labels of the keyed derivations (see `TreeSecrets`).
    static let userLabel = Array("user".utf8)
    static let placementLabel = Array("placement".utf8)
    static let splitLabel = Array("split".utf8)
    static let paddingLabel = Array("padding".utf8)
}
