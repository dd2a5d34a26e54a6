/// One asset as the tree, the header and the proof name it: a symbol and the number of decimals
/// of its smallest unit. Its position in the asset list is the position of its balance in every
/// leaf and of its sum in every node.
public struct ProofAsset: Hashable, Sendable {
    /// Largest scale accepted (10^18 is the largest power of ten below 2^64).
    public static let scaleMax = 18

    public let symbol: String
    public let scale: Int

    /// A symbol is 1–32 characters of `A–Z a–z 0–9 . _ -`, so it needs no escaping in JSON.
    public init?(symbol: String, scale: Int) {
        guard Self.isValidName(symbol), (0...Self.scaleMax).contains(scale) else { return nil }
        self.symbol = symbol
        self.scale = scale
    }

    /// True for the names this module accepts as symbols and exchange ids.
    public static func isValidName(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        return !utf8.isEmpty && utf8.count <= ProofFormat.nameLengthMax && utf8.allSatisfy(isNameByte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
