import Foundation
import SolventCore
import SolventWire
import Testing
@testable import SolventServer

/// The withdrawal protections through the real HTTP door, against the simulated BTC chain:
/// `withdraw/apply` with `name` files the address book that `withdraw/address/list` shows,
/// allow-list-only withdraws only to booked addresses past their delay, and every security change
/// (a new key, a re-enabled key, allow-list-only turned off) locks withdrawals with -4015 naming
/// when the lock ends.
@Suite(.serialized) struct WithdrawalProtectionAPITests {
    private static let hour: Timestamp = 60 * 60 * 1_000

    /// A server with `delays`, an account holding 1 BTC and a withdraw key for it, and an outside
    /// address to pay.
    private static func start(_ delays: SecurityDelays) async throws
        -> (server: TestServer, key: TestAccount, outside: String, stop: @Sendable () async -> Void) {
        let (server, rpc, chain) = try await WalletTests.start(delays: delays)
        let alice = try await server.account(usdt: "1", btc: "1")
        let key = try await server.key(for: alice.id, permissions: "read,withdraw", ipAllowList: "127.0.0.1,::1")
        let outside = try rpc.withChain { chain in
            // The hot wallet's float, so paying a withdrawal never waits for one.
            _ = try chain.send(from: "outside", to: try chain.newAddress(wallet: "hot", label: "float"), amount: 500_000_000,
                               comment: "")
            return try chain.newAddress(wallet: "outside", label: "payee")
        }
        return (server, key, outside, { await server.stop(); try? await chain.close() })
    }

    private static func withdraw(_ server: TestServer, _ key: TestAccount, to address: String, name: String? = nil,
                                 tag: String? = nil, coin: String = "BTC") async throws -> HTTPAnswer {
        var parameters = ["coin": coin, "address": address, "amount": "0.01"]
        parameters["name"] = name
        parameters["addressTag"] = tag
        return try await server.signed("POST", "/sapi/v1/capital/withdraw/apply", parameters, as: key)
    }

    private static func book(_ server: TestServer, _ key: TestAccount) async throws -> [[String: Any]] {
        let answer = try await server.signed("GET", "/sapi/v1/capital/withdraw/address/list", [:], as: key)
        return try #require(answer.json as? [[String: Any]], "\(answer.text)")
    }

    /// When a -4015 says the lock ends (its ms), checked against what it says in UTC.
    private static func lockEnd(_ answer: HTTPAnswer) throws -> Timestamp {
        #expect(answer.code == -4015, "\(answer.text)")
        let message = try #require((answer.json as? [String: Any])?["msg"] as? String, "\(answer.text)")
        let said = message.split(separator: "(").last?.split(separator: " ").first
        let milliseconds = try #require(said.flatMap { Timestamp($0) }, "\(message)")
        #expect(message.contains("They unlock at \(WalletJSON.utc(milliseconds)) UTC"), "\(message)")
        return milliseconds
    }

    private static func sleep(until milliseconds: Timestamp) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        if milliseconds >= now { try await Task.sleep(nanoseconds: UInt64(milliseconds - now + 20) * 1_000_000) }
    }

    private static func admin(_ server: TestServer, allowListOnly enabled: Bool, account: Int) async throws {
        _ = try await server.admin("POST", "/admin/v1/account/allowListOnly",
                                   ["account": String(account), "enabled": String(enabled), "operator": "erin",
                                    "reason": "the user asked for it", "reference": "T-7"])
    }

    @Test func nameFilesTheAddressOnceAndTheListShowsIt() async throws {
        let (server, key, outside, stop) = try await Self.start(SecurityDelays(addressDelay: 0, withdrawalLock: 0))
        defer { Task { await stop() } }
        #expect(try await Self.book(server, key).isEmpty)
        let filed = try await Self.withdraw(server, key, to: outside, name: "cold storage", tag: "memo-1")
        #expect(filed.status == 200, "\(filed.text)")
        let again = try await Self.withdraw(server, key, to: outside, name: "BTC", tag: "memo-1")
        #expect(again.status == 200, "a booked address named again is not filed again: \(again.text)")
        let book = try await Self.book(server, key)
        #expect(book.count == 1, "\(book)")
        let entry = try #require(book.first)
        #expect(entry["address"] as? String == outside && entry["addressTag"] as? String == "memo-1")
        #expect(entry["coin"] as? String == "BTC" && entry["network"] as? String == "BTC")
        #expect(entry["name"] as? String == "cold storage" && entry["whiteStatus"] as? Bool == true)
        #expect(entry["origin"] as? String == "" && entry["originType"] as? String == "")

        // Bad input is refused with Binance's errors, and files nothing.
        #expect(try await Self.withdraw(server, key, to: "bcrt1qnew", name: "x", coin: "DOGE").code == -4018)
        let long = try await Self.withdraw(server, key, to: "bcrt1qnew", name: String(repeating: "n", count: 513))
        #expect(long.code == -1130 && long.text.contains("'name'"), "\(long.text)")
        #expect(try await Self.withdraw(server, key, to: "bcrt1qnew", name: "x", tag: "has space").code == -4008)
        #expect(try await Self.withdraw(server, key, to: "has space", name: "x").code == -4033)
        #expect(try await Self.book(server, key).count == 1)
    }

    @Test func aFullBookRefusesThe201stAddressAndEachNewOneLocksWithdrawals() async throws {
        let (server, key, _, stop) = try await Self.start(SecurityDelays(addressDelay: 0, withdrawalLock: Self.hour))
        defer { Task { await stop() } }
        let before = Int64(Date().timeIntervalSince1970 * 1_000)
        for index in 0..<WithdrawalAddress.bookCapacity {
            let answer = try await Self.withdraw(server, key, to: "bcrt1qbook\(index)", name: "book \(index)")
            // Filed first, so its own lock holds the withdrawal that filed it.
            guard answer.code == -4015 else {
                Issue.record("address \(index): \(answer.text)")
                return
            }
        }
        let full = try await Self.withdraw(server, key, to: "bcrt1qbook200", name: "one too many")
        #expect(full.code == -1000 && full.text.contains("The address book is full."), "\(full.text)")
        #expect(try await Self.book(server, key).count == WithdrawalAddress.bookCapacity)
        let locked = try await Self.withdraw(server, key, to: "bcrt1qbook0")
        let until = try Self.lockEnd(locked)
        #expect(until >= before + Self.hour && until <= Int64(Date().timeIntervalSince1970 * 1_000) + Self.hour,
                "an hour from the last change")
    }

    @Test func allowListOnlyWithdrawsOnlyToABookedAddressPastItsDelay() async throws {
        let delays = SecurityDelays(addressDelay: 3_000, withdrawalLock: 0)  // seconds of room on a loaded machine
        let (server, key, outside, stop) = try await Self.start(delays)
        defer { Task { await stop() } }
        try await Self.admin(server, allowListOnly: true, account: key.id)
        #expect(try await Self.withdraw(server, key, to: outside).code == -4035, "not booked")
        let filed = try await Self.withdraw(server, key, to: outside, name: "payee")
        #expect(filed.code == -4035, "booked but within its delay: \(filed.text)")
        let filedAt = Int64(Date().timeIntervalSince1970 * 1_000)
        #expect(try await Self.book(server, key).first?["whiteStatus"] as? Bool == false)
        #expect(try await Self.withdraw(server, key, to: "bcrt1qelsewhere").code == -4035)
        try await Self.sleep(until: filedAt + delays.addressDelay)
        let accepted = try await Self.withdraw(server, key, to: outside)
        #expect(accepted.status == 200, "past its delay: \(accepted.text)")
        #expect(try await Self.book(server, key).first?["whiteStatus"] as? Bool == true)
        #expect(try await Self.withdraw(server, key, to: "bcrt1qelsewhere").code == -4035, "still only booked ones")

        // Who and why are required; an unknown account is refused.
        let token = try server.adminToken()
        let anonymous = try await server.send("POST", "/admin/v1/account/allowListOnly",
                                              query: "account=\(key.id)&enabled=false&operator=erin",
                                              headers: ["X-Solvent-Admin-Token": token], on: .admin)
        #expect(anonymous.status == 400, "\(anonymous.text)")
        let unknown = try await server.send("POST", "/admin/v1/account/allowListOnly",
                                            query: "account=999&enabled=true&operator=erin&reason=asked",
                                            headers: ["X-Solvent-Admin-Token": token], on: .admin)
        #expect(unknown.status == 400 && unknown.code == -1000, "\(unknown.text)")
        try await Self.admin(server, allowListOnly: false, account: key.id)
        #expect(try await Self.withdraw(server, key, to: "bcrt1qelsewhere").status == 200, "off: any address")
    }

    @Test func everySecurityChangeLocksWithdrawalsUntilTheLockEnds() async throws {
        let delays = SecurityDelays(addressDelay: 0, withdrawalLock: 3_000)  // seconds of room on a loaded machine
        let (server, key, outside, stop) = try await Self.start(delays)
        defer { Task { await stop() } }
        // The new key's own lock.
        try await Self.sleep(until: try Self.lockEnd(try await Self.withdraw(server, key, to: outside)))
        #expect(try await Self.withdraw(server, key, to: outside).status == 200, "the lock has ended")

        // Another key of the account locks it again (a key of another account does not).
        _ = try await server.account(usdt: "1", btc: "1")
        #expect(try await Self.withdraw(server, key, to: outside).status == 200, "another account's key")
        let second = try await server.key(for: key.id, permissions: "read", ipAllowList: "")
        try await Self.sleep(until: try Self.lockEnd(try await Self.withdraw(server, key, to: outside)))

        // Disabled is no change to lock for; re-enabled, the key acts again.
        _ = try await server.admin("POST", "/admin/v1/apiKey/enabled", ["apiKey": second.apiKey, "enabled": "false"])
        #expect(try await Self.withdraw(server, key, to: outside).status == 200)
        _ = try await server.admin("POST", "/admin/v1/apiKey/enabled", ["apiKey": second.apiKey, "enabled": "true"])
        try await Self.sleep(until: try Self.lockEnd(try await Self.withdraw(server, key, to: outside)))
        _ = try await server.admin("POST", "/admin/v1/apiKey/enabled", ["apiKey": second.apiKey, "enabled": "true"])
        #expect(try await Self.withdraw(server, key, to: outside).status == 200, "enabling an enabled key changes nothing")

        // Allow-list-only on tightens (no lock: the refusal is the allow-list's); off is a change.
        try await Self.admin(server, allowListOnly: true, account: key.id)
        #expect(try await Self.withdraw(server, key, to: outside).code == -4035)
        try await Self.admin(server, allowListOnly: false, account: key.id)
        try await Self.sleep(until: try Self.lockEnd(try await Self.withdraw(server, key, to: outside)))
        #expect(try await Self.withdraw(server, key, to: outside).status == 200)
    }

    /// A key made on the page locks the account's withdrawals, which the page then shows as -4015.
    @Test func aKeyFromThePageLocksTheAccountsWithdrawals() async throws {
        let (server, _, outside, stop) = try await Self.start(SecurityDelays(addressDelay: 0, withdrawalLock: Self.hour))
        defer { Task { await stop() } }
        let (browser, secret) = try await WebSecondFactorTests.withSecondFactor(server)
        let account = try #require(browser.account)
        _ = try await server.admin("POST", "/admin/v1/deposit", ["account": String(account), "asset": "BTC", "amount": "1"])
        let created = try await browser.send("POST", "/sapi/v1/solvent/user/apiKey",
                                             form: ["permissions": "read", "totpCode": WebSecondFactorTests.code(secret)])
        #expect(created.status == 200, "\(created.text)")
        // The next step's code: each code is good once.
        let asked = ["coin": "BTC", "address": outside, "amount": "0.1", "totpCode": WebSecondFactorTests.code(secret, drift: 1)]
        let refused = try await browser.send("POST", "/sapi/v1/capital/withdraw/apply", query: asked)
        let until = try Self.lockEnd(refused)
        #expect(until > Int64(Date().timeIntervalSince1970 * 1_000) + Self.hour - 60_000, "\(refused.text)")
    }
}
