import Foundation
@testable import SolventServer
import SolventWire
import Testing

/// The web page's users over HTTP: sign-up opens a journaled account and a session, the cookie's
/// attributes, sign-in with its lock-out and per-IP limit, CSRF on every change, logout.
@Suite(.serialized) struct WebUserTests {
    static let password = "correct horse battery"

    @Test func signUpOpensAnAccountAndASessionInAStrictHttpOnlyCookie() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        let answer = try await browser.enter("signup", login: "Alice@Example.com", password: Self.password)
        #expect(answer.status == 200, "\(answer.text)")
        let cookie = try #require(answer.headers["set-cookie"])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop the cookie")
        #expect(browser.cookie?.count == 64 && browser.csrfToken?.count == 64)
        #expect(answer.object["login"] as? String == "alice@example.com")
        let account = try #require(browser.account)
        // The account exists in the exchange: the operator can credit it and the session sees it.
        _ = try await server.admin("POST", "/admin/v1/deposit", ["account": String(account), "asset": "USDT", "amount": "5"])
        let balances = try await browser.send("GET", "/api/v3/account")
        #expect(balances.status == 200, "\(balances.text)")
        #expect(balances.text.contains(#""asset":"USDT","free":"5.00000000""#))
        let session = try await browser.send("GET", "/sapi/v1/solvent/user/session")
        #expect(session.object["account"] as? Int == account && session.object["csrfToken"] as? String == browser.csrfToken)
        #expect(session.object["totpEnabled"] as? Bool == false)

        var secure = PageBrowser(server)
        let overTLS = try await secure.enter("signup", login: "bob", password: Self.password,
                                             headers: [WebSessions.csrfHeader: "1", "X-Forwarded-Proto": "https"])
        #expect(overTLS.headers["set-cookie"]?.contains("Secure") == true)
        #expect(secure.account != account)
    }

    @Test func signUpRefusesBadLoginsWeakPasswordsTakenLoginsAndFormsFromElsewhere() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        #expect(try await browser.enter("signup", login: "al", password: Self.password).code == -9200)
        #expect(try await browser.enter("signup", login: "al ice", password: Self.password).code == -9200)
        #expect(try await browser.enter("signup", login: "alice", password: "short").code == -9201)
        let forged = try await browser.enter("signup", login: "alice", password: Self.password, headers: [:])
        #expect(forged.status == 403 && forged.code == -9207, "no custom header: a form on another site")
        #expect(try await browser.enter("signup", login: "alice", password: Self.password).status == 200)
        var second = PageBrowser(server)
        #expect(try await second.enter("signup", login: "ALICE", password: Self.password).code == -9202)
        let missing = try await browser.send("POST", "/sapi/v1/solvent/user/signup", form: ["login": "carol"],
                                             headers: [WebSessions.csrfHeader: "1"], session: false)
        #expect(missing.code == -1102)
        let inQuery = try await browser.send("POST", "/sapi/v1/solvent/user/signup",
                                             query: ["login": "dave", "password": Self.password],
                                             headers: [WebSessions.csrfHeader: "1"], session: false)
        #expect(inQuery.code == -1130 && inQuery.text.contains("password"), "a password never in the URL")
    }

    @Test func loginLocksOutAfterRepeatedFailuresEvenForTheRightPassword() async throws {
        var settings = UserSettings.forTests
        settings.lockoutFailures = 3
        let server = try await TestServer.start(configure: { $1.users = settings })
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        _ = try await browser.enter("signup", login: "alice", password: Self.password)
        var again = PageBrowser(server)
        let good = try await again.enter("login", login: "alice", password: Self.password)
        #expect(good.status == 200 && again.cookie != browser.cookie, "a new session per sign-in")
        let unknown = try await again.enter("login", login: "nobody", password: Self.password)
        #expect(unknown.status == 401 && unknown.code == -9203)
        for attempt in 1...2 {
            let wrong = try await again.enter("login", login: "alice", password: "wrong password!")
            #expect(wrong.status == 401 && wrong.code == -9203, "attempt \(attempt)")
        }
        let locking = try await again.enter("login", login: "alice", password: "wrong password!")
        #expect(locking.status == 403 && locking.code == -9204, "\(locking.text)")
        #expect(Int(locking.headers["retry-after"] ?? "") ?? 0 > 800)
        let locked = try await again.enter("login", login: "alice", password: Self.password)
        #expect(locked.code == -9204, "locked: the right password does not help")
        let existing = try await browser.send("GET", "/sapi/v1/solvent/user/session")
        #expect(existing.status == 200, "a session opened before the lock-out lives on")
    }

    @Test func oneIPGetsAFewAttemptsAMinute() async throws {
        var settings = UserSettings.forTests
        settings.attemptsPerMinute = 3
        let server = try await TestServer.start(configure: { $1.users = settings })
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        var answers: [HTTPAnswer] = []
        // Eight attempts span at most two minute windows, so one of them sees a fourth.
        for attempt in 0..<8 { answers.append(try await browser.enter("login", login: "user\(attempt)", password: Self.password)) }
        #expect(answers.prefix(3).allSatisfy { $0.code == -9203 || $0.code == -9205 })
        let refused = answers.filter { $0.code == -9205 }
        #expect(!refused.isEmpty && refused.allSatisfy { $0.status == 429 && $0.headers["retry-after"] != nil })
        #expect(answers.allSatisfy { $0.code == -9203 || $0.code == -9205 })
    }

    @Test func theThrottleCountsPerIPInAlignedMinutes() {
        let throttle = LoginThrottle(attemptsPerMinute: 2)
        let minute: Int64 = 60_000 * 1_000
        #expect(throws: Never.self) { try throttle.charge(ip: "10.0.0.1", now: minute) }
        #expect(throws: Never.self) { try throttle.charge(ip: "10.0.0.1", now: minute + 59_000) }
        #expect(throws: BinanceError.self) { try throttle.charge(ip: "10.0.0.1", now: minute + 59_500) }
        #expect(throws: Never.self) { try throttle.charge(ip: "10.0.0.2", now: minute + 59_500) }
        #expect(throws: Never.self) { try throttle.charge(ip: "10.0.0.1", now: minute + 60_000) }
        #expect(throws: Never.self) { try throttle.charge(ip: "2001:db8::1", now: minute) }
        #expect(throws: Never.self) { try throttle.charge(ip: "2001:db8::2", now: minute) }
        #expect(throws: BinanceError.self, "one /64") { try throttle.charge(ip: "2001:db8::ffff:3", now: minute) }
    }

    @Test func everyChangeWithASessionNeedsItsCSRFTokenReadsDoNot() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        _ = try await browser.enter("signup", login: "alice", password: Self.password)
        let account = try #require(browser.account)
        _ = try await server.admin("POST", "/admin/v1/deposit", ["account": String(account), "asset": "USDT", "amount": "1000"])
        let order = ["symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.01",
                     "price": "100"]
        let missing = try await browser.send("POST", "/api/v3/order", query: order, csrf: .some(nil))
        #expect(missing.status == 403 && missing.code == -9207)
        let wrong = try await browser.send("POST", "/api/v3/order", query: order, csrf: .some(String(repeating: "0", count: 64)))
        #expect(wrong.status == 403 && wrong.code == -9207)
        var other = PageBrowser(server)
        _ = try await other.enter("signup", login: "bob", password: Self.password)
        let othersToken = try await browser.send("POST", "/api/v3/order", query: order, csrf: .some(other.csrfToken))
        #expect(othersToken.code == -9207, "another session's token")
        let placed = try await browser.send("POST", "/api/v3/order", query: order)
        #expect(placed.status == 200, "\(placed.text)")
        let open = try await browser.send("GET", "/api/v3/openOrders", csrf: .some(nil))
        #expect(open.status == 200 && (open.json as? [Any])?.count == 1, "a read needs no CSRF token")
        let cancel = try await browser.send("DELETE", "/api/v3/openOrders", query: ["symbol": "BTCUSDT"], csrf: .some(nil))
        #expect(cancel.code == -9207)
        let listen = try await browser.send("POST", "/api/v3/userDataStream")
        #expect(listen.status == 200 && listen.text.contains("listenKey"))
        let forgedCookie = try await browser.send("GET", "/api/v3/account",
                                                  headers: ["Cookie": "\(WebSessions.cookieName)=\(String(repeating: "a", count: 64))"])
        #expect(forgedCookie.status == 401 && forgedCookie.code == -9206)
        let noSession = try await browser.send("GET", "/sapi/v1/solvent/user/session", session: false)
        #expect(noSession.status == 401 && noSession.code == -9206)
    }

    @Test func logoutEndsTheSessionForGood() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        _ = try await browser.enter("signup", login: "alice", password: Self.password)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/logout", csrf: .some(nil)).code == -9207)
        let out = try await browser.send("POST", "/sapi/v1/solvent/user/logout")
        #expect(out.status == 200 && out.headers["set-cookie"]?.contains("Max-Age=0") == true)
        for path in ["/sapi/v1/solvent/user/session", "/api/v3/account"] {
            let after = try await browser.send("GET", path)
            #expect(after.status == 401 && after.code == -9206, "\(path): \(after.text)")
        }
    }
}
