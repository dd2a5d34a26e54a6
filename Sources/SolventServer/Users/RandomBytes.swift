import Crypto

extension RandomText {
    /// `count` bytes from the system's secure generator (a TOTP secret).
    static func bytes(_ count: Int) -> [UInt8] {
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }
}
