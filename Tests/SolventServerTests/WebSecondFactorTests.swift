import Foundation
@testable import SolventServer
import SolventStore
import SolventWire
import Testing

/// The second factor on the page (TOTP): set up, turned on by a good code, asked at sign-in,
/// required for API keys; wrong and replayed codes refused and counted toward the lock-out.
/// And the page's API keys: permissions, IP allow-list, the secret once, list, revoke.
@Suite(.serialized) struct WebSecondFactorTests {
    static let password = WebUserTests.password

    /// A signed-up browser with TOTP on; its secret, and the step the enabling code used.
    static func withSecondFactor(_ server: TestServer, login: String = "alice") async throws
        -> (browser: PageBrowser, secret: [UInt8]) {
        var browser = PageBrowser(server)
        _ = try await browser.enter("signup", login: login, password: password)
        let setup = try await browser.send("POST", "/sapi/v1/solvent/user/totp/setup")
        let secret = try #require(base32Decode(setup.object["secret"] as? String ?? ""))
        #expect(secret.count == 20 && (setup.object["uri"] as? String)?.hasPrefix("otpauth://totp/Solvent") == true)
        let enabled = try await browser.send("POST", "/sapi/v1/solvent/user/totp/enable",
                                             form: ["totpCode": code(secret, drift: -1)])
        #expect(enabled.status == 200, "\(enabled.text)")
        return (browser, secret)
    }

    static func code(_ secret: [UInt8], drift: Int64 = 0) -> String {
        TOTP.code(secret: secret, step: TOTP.step(atMilliseconds: Int64(Date().timeIntervalSince1970 * 1_000)) + drift)
    }

    @Test func enablingTakesAGoodCodeAndSignInThenAsksForOne() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var browser = PageBrowser(server)
        _ = try await browser.enter("signup", login: "alice", password: Self.password)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/enable", form: ["totpCode": "123456"]).code == -9212)
        let setup = try await browser.send("POST", "/sapi/v1/solvent/user/totp/setup")
        let secret = try #require(Self.base32Decode(setup.object["secret"] as? String ?? ""))
        let wrong = String(format: "%06d", (Int(Self.code(secret))! + 1) % 1_000_000)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/enable", form: ["totpCode": wrong]).code == -9209)
        #expect(try await browser.send("GET", "/sapi/v1/solvent/user/session").object["totpEnabled"] as? Bool == false)
        let enabling = Self.code(secret, drift: -1)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/enable", form: ["totpCode": enabling]).status == 200)
        #expect(try await browser.send("GET", "/sapi/v1/solvent/user/session").object["totpEnabled"] as? Bool == true)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/setup").code == -9211, "on already")

        var again = PageBrowser(server)
        let noCode = try await again.enter("login", login: "alice", password: Self.password)
        #expect(noCode.status == 401 && noCode.code == -9208 && again.cookie == nil)
        #expect(try await again.enter("login", login: "alice", password: Self.password, totpCode: wrong).code == -9209)
        let replayed = try await again.enter("login", login: "alice", password: Self.password, totpCode: enabling)
        #expect(replayed.code == -9209, "the enabling code's step is used")
        let good = try await again.enter("login", login: "alice", password: Self.password, totpCode: Self.code(secret))
        #expect(good.status == 200 && again.cookie != nil, "\(good.text)")
        #expect(good.object["totpEnabled"] as? Bool == true)
    }

    @Test func wrongCodesCountTowardTheLockOut() async throws {
        var settings = UserSettings.forTests
        settings.lockoutFailures = 2
        let server = try await TestServer.start(configure: { $1.users = settings })
        defer { Task { await server.stop() } }
        let (browser, secret) = try await Self.withSecondFactor(server)
        let wrong = String(format: "%06d", (Int(Self.code(secret))! + 7) % 1_000_000)
        let key = ["permissions": "read", "totpCode": wrong]
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: key).code == -9209)
        let locking = try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: key)
        #expect(locking.status == 403 && locking.code == -9204)
        let locked = try await browser.send("POST", "/sapi/v1/solvent/user/apiKey",
                                            form: ["permissions": "read", "totpCode": Self.code(secret)])
        #expect(locked.code == -9204, "locked out: even a good code waits")
        var other = PageBrowser(server)
        #expect(try await other.enter("login", login: "alice", password: Self.password, totpCode: Self.code(secret)).code == -9204)
    }

    @Test func apiKeysFromThePageNeedTheSecondFactorShowTheSecretOnceAndRevoke() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var plain = PageBrowser(server)
        _ = try await plain.enter("signup", login: "bob", password: Self.password)
        #expect(try await plain.send("POST", "/sapi/v1/solvent/user/apiKey", form: ["permissions": "read"]).code == -9210)

        let (browser, secret) = try await Self.withSecondFactor(server)
        let form = ["permissions": "read,trade", "ipAllowList": "127.0.0.1, ::1", "label": "bot"]
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: form).code == -9208)
        var badIPs = form
        badIPs["ipAllowList"] = "10.0.0.0/8"
        badIPs["totpCode"] = Self.code(secret)
        let refusedIPs = try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: badIPs)
        #expect(refusedIPs.code == -1130 && refusedIPs.text.contains("ipAllowList"), "\(refusedIPs.text)")
        var withCode = form
        withCode["totpCode"] = Self.code(secret)
        let created = try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: withCode)
        #expect(created.status == 200, "\(created.text)")
        let apiKey = try #require(created.object["apiKey"] as? String)
        let keySecret = try #require(created.object["secret"] as? String)
        #expect(created.object["ipAllowList"] as? [String] == ["127.0.0.1", "::1"])
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/apiKey", form: withCode).code == -9209, "replayed code")

        // The key trades for the user's account like any key (from an allowed address).
        let client = TestAccount(id: try #require(browser.account), apiKey: apiKey, secret: keySecret)
        let account = try await server.signed("GET", "/api/v3/account", [:], as: client)
        #expect(account.status == 200, "\(account.text)")
        let listed = try await browser.send("GET", "/sapi/v1/solvent/user/apiKeys")
        let keys = try #require(listed.json as? [[String: Any]])
        #expect(keys.count == 1 && keys[0]["apiKey"] as? String == apiKey && keys[0]["secret"] == nil)
        #expect(keys[0]["permissions"] as? String == "read,trade" && keys[0]["label"] as? String == "bot")
        #expect((try await plain.send("GET", "/sapi/v1/solvent/user/apiKeys").json as? [Any])?.isEmpty == true,
                "another user sees none of them")

        let othersRevoke = try await plain.send("DELETE", "/sapi/v1/solvent/user/apiKey", query: ["apiKey": apiKey])
        #expect(othersRevoke.status == 400, "not bob's key")
        #expect(try await browser.send("DELETE", "/sapi/v1/solvent/user/apiKey", query: ["apiKey": apiKey],
                                       csrf: .some(nil)).code == -9207)
        #expect(try await browser.send("DELETE", "/sapi/v1/solvent/user/apiKey", query: ["apiKey": apiKey]).status == 200)
        #expect(try await server.signed("GET", "/api/v3/account", [:], as: client).code == -2015, "revoked")
        #expect((try await browser.send("GET", "/sapi/v1/solvent/user/apiKeys").json as? [Any])?.isEmpty == true)
    }

    @Test func turningTheSecondFactorOffTakesACode() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (browser, secret) = try await Self.withSecondFactor(server)
        let wrong = String(format: "%06d", (Int(Self.code(secret))! + 3) % 1_000_000)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/disable", form: ["totpCode": wrong]).code == -9209)
        #expect(try await browser.send("POST", "/sapi/v1/solvent/user/totp/disable",
                                       form: ["totpCode": Self.code(secret)]).status == 200)
        #expect(try await browser.send("GET", "/sapi/v1/solvent/user/session").object["totpEnabled"] as? Bool == false)
    }

    static func base32Decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bytes: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}
