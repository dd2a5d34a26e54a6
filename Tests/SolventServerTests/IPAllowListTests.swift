import Foundation
import Testing
@testable import SolventServer

/// API keys' IP allow-lists match addresses and CIDR ranges as ranges, IPv4 and IPv6; the admin
/// surface refuses malformed entries and accounts that do not exist.
@Suite struct IPAllowListTests {
    @Test func rangesMatchAsRanges() throws {
        let v4 = try #require(IPRange("10.1.0.0/16"))
        #expect(v4.contains("10.1.255.7") && v4.contains("10.1.0.0"))
        #expect(!v4.contains("10.2.0.1") && !v4.contains("11.1.0.1"))
        #expect(v4.contains("::ffff:10.1.2.3"), "an IPv4 client seen through an IPv6 socket")
        let odd = try #require(IPRange("192.168.1.128/25"))
        #expect(odd.contains("192.168.1.200") && !odd.contains("192.168.1.127"))
        let v6 = try #require(IPRange("2001:db8::/32"))
        #expect(v6.contains("2001:db8:ffff::1") && !v6.contains("2001:db9::1") && !v6.contains("10.1.0.1"))
        let single = try #require(IPRange("127.0.0.1"))
        #expect(single.contains("127.0.0.1") && !single.contains("127.0.0.2"))
        #expect(try #require(IPRange("0.0.0.0/0")).contains("8.8.8.8"))
        for bad in ["", "10.0.0.0/33", "10.0.0/8", "10.0.0.0/", "10.0.0.0/8/1", "::/129", "abc", "10.0.0.0/-1", "1.2.3.4/+8"] {
            #expect(IPRange(bad) == nil, "\(bad)")
        }
    }

    @Test func aKeyRestrictedToARangeWorksFromInsideItAndCreateKeyChecksItsInput() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let inside = try await server.key(for: alice.id, permissions: "read", ipAllowList: "127.0.0.0/8,2001:db8::/32")
        let answer = try await server.signed("GET", "/api/v3/account", [:], as: inside)
        #expect(answer.status == 200, "\(answer.text)")
        let outside = try await server.key(for: alice.id, permissions: "read", ipAllowList: "10.0.0.0/8")
        #expect(try await server.signed("GET", "/api/v3/account", [:], as: outside).code == -2015)

        let token = try server.adminToken()
        let malformed = try await server.send("POST", "/admin/v1/apiKey", query: "account=\(alice.id)&ipAllowList=10.0.0.0/99",
                                              headers: ["X-Solvent-Admin-Token": token], on: .admin)
        #expect(malformed.status == 400, "\(malformed.text)")
        let nobody = try await server.send("POST", "/admin/v1/apiKey", query: "account=999",
                                           headers: ["X-Solvent-Admin-Token": token], on: .admin)
        #expect(nobody.status >= 400 && nobody.text.contains("Unknown account"), "\(nobody.text)")
        let balances = try await server.send("GET", "/admin/v1/balances", query: "account=999",
                                             headers: ["X-Solvent-Admin-Token": token], on: .admin)
        #expect(balances.status >= 400 && balances.text.contains("Unknown account"), "\(balances.text)")
    }
}
