#if canImport(Glibc)
import Glibc
#endif

/// One entry of an API key's IP allow-list: an address (`203.0.113.7`, `2001:db8::1`) or a CIDR
/// range (`10.0.0.0/8`, `2001:db8::/32`), matched as a range of addresses, IPv4 and IPv6 alike.
/// An IPv4 client seen as `::ffff:a.b.c.d` matches IPv4 entries.
struct IPRange: Hashable, Sendable {
    /// The address's bytes (4 or 16) and how many leading bits must match.
    let bytes: [UInt8]
    let prefixLength: Int

    /// Parses an entry; nil when it is neither an address nor a range.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.address(String(parts[0])) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parts[1].allSatisfy(\.isNumber), (0...bytes.count * 8).contains(parsed) else { return nil }
            length = parsed
        } else {
            length = bytes.count * 8
        }
        self.bytes = bytes
        prefixLength = length
    }

    func contains(_ ip: String) -> Bool {
        guard var candidate = Self.address(ip) else { return false }
        if candidate.count == 16 && bytes.count == 4 && candidate.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] {
            candidate = Array(candidate.suffix(4))
        }
        guard candidate.count == bytes.count else { return false }
        var bits = prefixLength
        for (a, b) in zip(candidate, bytes) where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if a & mask != b & mask { return false }
            bits -= 8
        }
        return true
    }

    /// The bytes of an IPv4 or IPv6 address in text, by the C library's own parser.
    private static func address(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
