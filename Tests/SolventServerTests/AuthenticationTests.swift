import Foundation
import Testing

/// Spec §2: the key, the timestamp and the signature, checked in Binance's order, with its
/// codes and HTTP statuses.
@Suite(.serialized) struct AuthenticationTests {
    @Test func everyAuthenticationFailureHasItsCodeAndStatus() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let path = "/api/v3/account"

        let noKey = try await server.send("GET", path, query: "timestamp=1&signature=00")
        #expect(noKey.status == 401 && noKey.code == -2014)
        let unknown = try await server.send("GET", path, query: "timestamp=1&signature=00",
                                            headers: ["X-MBX-APIKEY": String(repeating: "a", count: 64)])
        #expect(unknown.status == 401 && unknown.code == -2015)
        let stale = try await server.signed("GET", path, [:], as: alice, timestamp: 1_000)
        #expect(stale.status == 400 && stale.code == -1021)
        let ahead = try await server.signed("GET", path, [:], as: alice,
                                            timestamp: Int64(Date().timeIntervalSince1970 * 1_000) + 60_000)
        #expect(ahead.code == -1021)
        let forged = TestAccount(id: alice.id, apiKey: alice.apiKey, secret: String(repeating: "x", count: 64))
        let badSignature = try await server.signed("GET", path, [:], as: forged)
        #expect(badSignature.status == 400 && badSignature.code == -1022)
        let good = try await server.signed("GET", path, [:], as: alice)
        #expect(good.status == 200, "\(good.text)")
    }

    @Test func unknownPathsAnswerJSONNeverHTML() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for path in ["/web/nothing.html", "/sapi/v1/margin/account", "/api/v3/nothing", "/fapi/v1/exchangeInfo"] {
            let answer = try await server.send("GET", path)
            #expect(answer.status == 404 && answer.code == -1000 && answer.headers["content-type"]?.hasPrefix("application/json") == true)
        }
        let wrongMethod = try await server.send("PUT", "/api/v3/ping")
        #expect(wrongMethod.status == 405 && wrongMethod.code != nil)
    }

    @Test func theRootIsTheWebPage() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let page = try await server.send("GET", "/")
        #expect(page.status == 200 && page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("/web/app.js") && page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        let script = try await server.send("GET", "/web/app.js")
        #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true)
    }
}
