/// The version of the proof and epoch formats, and the constants every party must agree on.
///
/// Every hash the tree, the header and the proof use is SHA-256 over fixed-width, big-endian
/// fields; each kind of input starts with its own domain byte or tag so that no leaf can be read
/// as a node, no node as a padding hash, and no header as anything else.
public enum ProofFormat {
    public static let version: UInt16 = 1

    /// Tallest tree accepted: 2^48 leaf slots. With every leaf below 2^64, a sum at level `l`
    /// stays below 2^(64 + l) ≤ 2^112, so 128-bit sums can never overflow in a valid tree.
    public static let heightMax = 48
    /// Most assets one tree (and one header) may carry; bounds every parser's loops.
    public static let assetCountMax = 256
    /// Longest exchange id or asset symbol, in bytes.
    public static let nameLengthMax = 32

    // Domain separation: the first bytes of every hashed or signed input.
    static let leafDomain: UInt8 = 0x00
    static let nodeDomain: UInt8 = 0x01
    static let paddingDomain: UInt8 = 0x02
    static let leafTag = Array("solvent-pol-leaf-v1".utf8)
    static let headerHashTag = Array("solvent-pol-header-hash-v1".utf8)
    static let headerSignatureTag = Array("solvent-pol-header-signature-v1".utf8)
    // Labels of the keyed derivations (see `TreeSecrets` and `UserSecret`).
    static let userLabel = Array("user".utf8)
    static let epochLabel = Array("epoch".utf8)
    static let shuffleLabel = Array("shuffle".utf8)
    static let paddingLabel = Array("padding".utf8)
}
