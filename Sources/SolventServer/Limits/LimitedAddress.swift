#if canImport(Glibc)
import Glibc
#endif

/// Whom a per-address limit counts: an IPv4 address, or an IPv6 address's /64 network. One
/// IPv6 subscriber is handed a /64 at least, 2^64 addresses, so counting each address would let
/// one client open as many limits as it likes; an IPv4-mapped IPv6 address counts as its IPv4.
enum LimitedAddress {
    static func key(_ ip: String) -> String {
        // A byte scan: every request is charged by its key, and most addresses are IPv4.
        guard ip.utf8.contains(UInt8(ascii: ":")) else { return ip }
        var address = in6_addr()
        guard inet_pton(AF_INET6, ip, &address) == 1 else { return ip }
        let bytes = withUnsafeBytes(of: &address) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
