import Foundation
import SolventJournal
import Testing
@testable import SolventServer

/// Rate limits (spec §7) and the listenKey endpoints (spec §3.5).
@Suite(.serialized) struct LimitsAndStreamsTests {
    @Test func requestWeightOverTheLimitGets429WithRetryAfterAndTheUsedWeightHeader() async throws {
        var limits = RateLimits()
        limits.weightPerMinute = 30
        let server = try await TestServer.start(rateLimits: limits)
        defer { Task { await server.stop() } }
        var statuses: [Int] = []
        var lastWeight = 0
        for _ in 0..<5 {
            let answer = try await server.send("GET", "/api/v3/exchangeInfo")  // weight 20
            statuses.append(answer.status)
            if answer.status == 200 { lastWeight = Int(answer.headers["x-mbx-used-weight-1m"] ?? "") ?? -1 }
            if answer.status == 429 {
                #expect(answer.code == -1003)
                #expect(Int(answer.headers["retry-after"] ?? "") ?? 0 > 0)
            }
        }
        #expect(statuses.first == 200 && statuses.contains(429), "\(statuses)")
        #expect(lastWeight >= 20)
    }

    @Test func anIPThatKeepsGoingAfter429IsBannedWith418AndRetryAfter() async throws {
        var limits = RateLimits()
        limits.weightPerMinute = 10  // the server's own setup spends a few
        limits.banSeconds = 300
        let server = try await TestServer.start(rateLimits: limits)
        defer { Task { await server.stop() } }
        var statuses: [Int] = []
        var banned: HTTPAnswer?
        for _ in 0..<300 where banned == nil {  // room for a minute rolling over mid-test
            let answer = try await server.send("GET", "/api/v3/time")
            statuses.append(answer.status)
            if answer.status == 418 { banned = answer }
        }
        #expect(statuses.first(where: { $0 != 200 }) == 429, "\(statuses.prefix(5))")
        #expect(banned?.code == -1003)
        #expect((240...300).contains(Int(banned?.headers["retry-after"] ?? "") ?? 0), "\(banned?.headers ?? [:])")
        // Banned is banned: the next request, of any weight, is 418 too.
        #expect(try await server.send("GET", "/api/v3/ping").status == 418)
    }

    /// Behind a reverse proxy every caller is 127.0.0.1: the public's traffic must not lock out
    /// the operator, whose listener counts its callers apart, and the operator's requests are
    /// never charged; a wrong token is, on the admin listener's own limits.
    @Test func theOperatorIsNeitherChargedNorBannedByThePublicsTraffic() async throws {
        var limits = RateLimits()
        limits.weightPerMinute = 1
        let server = try await TestServer.start(rateLimits: limits)
        defer { Task { await server.stop() } }
        var status = 0
        for _ in 0..<300 where status != 418 { status = try await server.send("GET", "/api/v3/time").status }
        #expect(status == 418)
        for _ in 0..<5 { #expect(try await server.admin("POST", "/admin/v1/account", [:]).status == 200) }
        #expect(try await server.send("GET", "/metrics", on: .admin).status == 200)
        var wrong = 0
        for _ in 0..<300 where wrong != 418 {
            wrong = try await server.send("POST", "/admin/v1/account", headers: ["X-Solvent-Admin-Token": "wrong"], on: .admin).status
        }
        #expect(wrong == 418)
        #expect(try await server.admin("POST", "/admin/v1/account", [:]).status == 200)
    }

    /// Every command is journaled, refused ones too: an account whose commands keep being
    /// refused is stopped at the door, so its flood adds nothing more to the journal.
    @Test func aFloodOfRefusedCommandsIsStoppedBeforeTheJournal() async throws {
        var limits = RateLimits()
        limits.rejectedPerTenSeconds = 5
        let server = try await TestServer.start(rateLimits: limits)
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let journal = JournalReader(directory: server.directory + "/journal")
        func frameBytes() throws -> (records: Int, bytes: Int) {
            var total = (records: 0, bytes: 0)
            try journal.frames(after: 0) { total = (total.records + 1, total.bytes + $0.body.count + 8) }
            return total
        }
        let before = try frameBytes()
        var codes: [Int?] = []
        for n in 0..<20 {
            let answer = try await server.signed("DELETE", "/api/v3/order", ["symbol": "BTCUSDT", "orderId": String(900_000 + n)],
                                                 as: alice)
            codes.append(answer.code)
            if answer.code == -1015 { #expect(answer.status == 429 && Int(answer.headers["retry-after"] ?? "") != nil) }
        }
        let after = try frameBytes()
        // Counted in aligned 10 s windows, so a window may end mid-test and let five more in.
        let refusedByEngine = codes.filter { $0 == -2011 }.count
        #expect(codes.prefix(5).allSatisfy { $0 == -2011 } && codes.contains(-1015), "\(codes)")
        #expect(refusedByEngine <= 10, "\(codes)")
        #expect(after.records - before.records == refusedByEngine, "only the engine's refusals were journaled")
        print("journal bytes per refused command: \((after.bytes - before.bytes) / max(1, after.records - before.records))")
    }

    @Test func ordersOverTheTenSecondLimitGet1015() async throws {
        var limits = RateLimits()
        limits.ordersPerTenSeconds = 3
        let server = try await TestServer.start(rateLimits: limits)
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        // Counted in aligned 10 s windows: placing until the first refusal means a slow machine
        // that crosses a window boundary still meets the limit in the next window.
        var codes: [Int?] = []
        for index in 0..<20 where !codes.contains(-1015) {
            let answer = try await server.signed("POST", "/api/v3/order", [
                "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.001",
                "price": String(1_000 + index)], as: alice)
            codes.append(answer.status == 200 ? 0 : answer.code)
            if answer.status == 200 {
                let count = Int(answer.headers["x-mbx-order-count-10s"] ?? "") ?? 0
                #expect((1...3).contains(count), "order count \(count)")
            }
        }
        #expect(codes.contains(-1015), "\(codes)")
    }

    /// The private stream carries balances and orders: a key that may not read cannot open it.
    @Test func aKeyWithoutReadPermissionCannotOpenAListenKey() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let tradeOnly = try await server.admin("POST", "/admin/v1/apiKey", ["account": String(alice.id), "permissions": "trade"])
        let none = try await server.admin("POST", "/admin/v1/apiKey", ["account": String(alice.id), "permissions": ""])
        for key in [tradeOnly, none] {
            let id = try #require((key.json as? [String: Any])?["apiKey"] as? String)
            let refused = try await server.send("POST", "/api/v3/userDataStream", headers: ["X-MBX-APIKEY": id])
            #expect(refused.status == 401 && refused.code == -2015, "\(refused.text)")
        }
        let allowed = try await server.send("POST", "/api/v3/userDataStream", headers: ["X-MBX-APIKEY": alice.apiKey])
        #expect(allowed.status == 200)
    }

    @Test func aListenKeyIsReturnedAgainWhileAliveAndEndsWithDelete() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let headers = ["X-MBX-APIKEY": alice.apiKey]
        let first = try await server.send("POST", "/api/v3/userDataStream", headers: headers)
        let key = try #require((first.json as? [String: Any])?["listenKey"] as? String)
        let second = try await server.send("POST", "/api/v3/userDataStream", headers: headers)
        #expect((second.json as? [String: Any])?["listenKey"] as? String == key)
        let keepAlive = try await server.send("PUT", "/api/v3/userDataStream", headers: headers, body: "listenKey=\(key)")
        #expect(keepAlive.status == 200 && keepAlive.text == "{}")
        let closed = try await server.send("DELETE", "/api/v3/userDataStream", query: "listenKey=\(key)", headers: headers)
        #expect(closed.status == 200)
        let gone = try await server.send("PUT", "/api/v3/userDataStream", query: "listenKey=\(key)", headers: headers)
        #expect(gone.code == -1125)
    }
}
