import Foundation
import SolventCore
import Testing
@testable import SolventCustody
@testable import SolventServer

/// The wallet API through the real HTTP door, against `solvent chain`'s BTC served on loopback:
/// a deposit from the outside world is credited after its confirmations, a withdrawal is paid
/// to the outside world and confirmed, and every balance agrees to the unit with the chain's.
@Suite(.serialized) struct WalletTests {
    static let cookie = "__cookie__:5eed5eed"

    /// A server whose data directory names a simulated BTC chain (2 confirmations, 0.0001 BTC fee)
    /// and whose security changes hold withdrawals back for `delays` (none unless a test asks).
    static func start(approvalAbove threshold: Int64? = nil,
                      delays: SecurityDelays = SecurityDelays(addressDelay: 0, withdrawalLock: 0),
                      hotFloor: Int64? = nil) async throws
        -> (TestServer, SimulatedChainRPC, ChainRPCServer) {
        let btc = ChainSimulatorSpec.standard[0]
        let rpc = try btc.start(authorization: try RPCCredentials.password(user: "__cookie__", password: "5eed5eed").authorization())
        let chain = try await ChainRPCServer.start(rpc)
        let server = try await TestServer.start { directory, configuration in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try ChainEndpoints(urls: ["BTC": chain.url]).write(to: directory + "/chain.url")
            try ChainEndpoints.writeCookie(cookie, to: directory + "/chain.cookie")
            configuration.custody.pollMilliseconds = 20
            configuration.custody.confirmationsRequired = 2
            configuration.custody.withdrawalFees = ["BTC": 10_000]
            if let threshold { configuration.custody.approvalThresholds = ["BTC": threshold] }
            configuration.custody.securityDelays = delays
            if let hotFloor { configuration.custody.hotFloors = ["BTC": hotFloor] }
        }
        return (server, rpc, chain)
    }

    @Test func depositThenWithdrawThroughTheWalletAPI() async throws {
        let (server, rpc, chain) = try await Self.start()
        defer { Task { await server.stop(); try? await chain.close() } }
        let alice = try await server.account(usdt: "1", btc: "1")
        let miner = rpc.minerAddress

        let coins = try await server.signed("GET", "/sapi/v1/capital/config/getall", [:], as: alice)
        let list = try #require(coins.json as? [[String: Any]], "\(coins.text)")
        let btc = try #require(list.first { $0["coin"] as? String == "BTC" })
        let network = try #require((btc["networkList"] as? [[String: Any]])?.first)
        #expect(network["network"] as? String == "BTC" && network["withdrawEnable"] as? Bool == true)
        #expect(network["withdrawFee"] as? String == "0.00010000")
        let usdt = try #require(list.first { $0["coin"] as? String == "USDT" })
        #expect(usdt["withdrawAllEnable"] as? Bool == false, "no chain carries USDT here")

        let addressAnswer = try await server.signed("GET", "/sapi/v1/capital/deposit/address", ["coin": "BTC"], as: alice)
        let address = try #require((addressAnswer.json as? [String: Any])?["address"] as? String, "\(addressAnswer.text)")
        let txid = try rpc.withChain { try $0.send(from: "outside", to: address, amount: 150_000_000, comment: "") }
        try await waitFor("the deposit to show as pending") {
            let history = try await server.signed("GET", "/sapi/v1/capital/deposit/hisrec", ["coin": "BTC"], as: alice)
            return (history.json as? [[String: Any]])?.first?["status"] as? Int == 0
        }
        try rpc.withChain { _ = try $0.mine(2, to: miner) }
        try await waitFor("the deposit to be credited") {
            let history = try await server.signed("GET", "/sapi/v1/capital/deposit/hisrec", [:], as: alice)
            let first = (history.json as? [[String: Any]])?.first
            return first?["status"] as? Int == 1 && first?["txId"] as? String == txid && first?["amount"] as? String == "1.50000000"
        }

        // A trading key cannot withdraw; a withdraw key without an IP allow-list cannot either.
        let noPermission = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                                   ["coin": "BTC", "address": "x", "amount": "0.1"], as: alice)
        #expect(noPermission.code == -2015, "\(noPermission.text)")
        let unrestricted = try await server.key(for: alice.id, permissions: "read,withdraw", ipAllowList: "")
        let refused = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": "x", "amount": "0.1"], as: unrestricted)
        #expect(refused.code == -2015, "\(refused.text)")
        let withdrawer = try await server.key(for: alice.id, permissions: "read,withdraw", ipAllowList: "127.0.0.1")

        let outside = try rpc.withChain { try $0.newAddress(wallet: "outside", label: "alice's own") }
        let tooMuch = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": outside, "amount": "3"], as: withdrawer)
        #expect(tooMuch.code == -4026, "\(tooMuch.text)")
        let feeOnly = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": outside, "amount": "0.0001"], as: withdrawer)
        #expect(feeOnly.code == -4028, "\(feeOnly.text)")
        _ = try await server.admin("POST", "/admin/v1/withdrawal/limits",
                                   ["asset": "BTC", "perAccount": "0.6", "operator": "ops", "reason": "daily cap"])
        let overLimit = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                                ["coin": "BTC", "address": outside, "amount": "0.7"], as: withdrawer)
        #expect(overLimit.code == -4023, "\(overLimit.text)")
        let unknown = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "DOGE", "address": outside, "amount": "1"], as: withdrawer)
        #expect(unknown.code == -4018, "\(unknown.text)")
        let applied = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": outside, "amount": "0.5", "withdrawOrderId": "wd-1"],
                                              as: withdrawer)
        let id = try #require((applied.json as? [String: Any])?["id"] as? String, "\(applied.text)")
        #expect(id.count == 32)
        try await waitFor("the withdrawal to be broadcast") {
            let history = try await server.signed("GET", "/sapi/v1/capital/withdraw/history", ["idList": id], as: alice)
            return !((history.json as? [[String: Any]])?.first?["txId"] as? String ?? "").isEmpty
        }
        try rpc.withChain { _ = try $0.mine(2, to: miner) }
        try await waitFor("the withdrawal to be completed") {
            let history = try await server.signed("GET", "/sapi/v1/capital/withdraw/history", [:], as: alice)
            return (history.json as? [[String: Any]])?.first?["status"] as? Int == 6
        }
        let balances = try await server.admin("GET", "/admin/v1/balances", ["account": String(alice.id)])
        #expect(balances.text.contains("\"2.00000000\""), "1 + 1.5 deposited, 0.5 withdrawn: \(balances.text)")
        let paid = rpc.withChain { $0.received(by: outside, confirmationsMin: 2) }
        #expect(paid == 50_000_000 - 10_000, "the chain paid 0.5 less the 0.0001 fee, once")

        let status = try await server.send("GET", "/sapi/v1/system/status")
        #expect(status.text == #"{"status":0,"msg":"normal"}"#)
        let accountStatus = try await server.signed("GET", "/sapi/v1/account/status", [:], as: alice)
        #expect(accountStatus.text == #"{"data":"Normal"}"#)

        let restrictions = try await server.signed("GET", "/sapi/v1/account/apiRestrictions", [:], as: withdrawer)
        let limits = try #require(restrictions.json as? [String: Any], "\(restrictions.text)")
        #expect(limits["ipRestrict"] as? Bool == true && limits["enableWithdrawals"] as? Bool == true)
        #expect(limits["enableSpotAndMarginTrading"] as? Bool == false)
        let detail = try await server.signed("GET", "/sapi/v1/asset/assetDetail", ["asset": "BTC"], as: alice)
        #expect(detail.text.contains(#""withdrawFee":0.00010000"#) && detail.text.contains(#""withdrawStatus":true"#),
                "\(detail.text)")
        let fees = try await server.signed("GET", "/sapi/v1/asset/tradeFee", ["symbol": "BTCUSDT"], as: alice)
        let fee = try #require((fees.json as? [[String: Any]])?.first, "\(fees.text)")
        #expect(fee["symbol"] as? String == "BTCUSDT" && fee["makerCommission"] as? String != nil)
    }
}

extension WalletTests {
    /// The page signed in may ask for a withdrawal, but the session alone moves nothing off the
    /// exchange: without the second factor on (-9210), with a wrong code (-9209), only with a good one.
    @Test func thePageWithdrawsOnlyWithAGoodSecondFactorCode() async throws {
        let (server, rpc, chain) = try await Self.start()
        defer { Task { await server.stop(); try? await chain.close() } }
        var plain = PageBrowser(server)
        _ = try await plain.enter("signup", login: "bob", password: WebUserTests.password)
        let outside = try rpc.withChain { try $0.newAddress(wallet: "outside", label: "") }
        let withdrawal = ["coin": "BTC", "address": outside, "amount": "0.1"]
        #expect(try await plain.send("POST", "/sapi/v1/capital/withdraw/apply", query: withdrawal).code == -9210)
        #expect(try await plain.send("POST", "/sapi/v1/capital/withdraw/apply", query: withdrawal, csrf: .some(nil)).code == -9207,
                "a withdrawal is a change: it needs the CSRF token")

        let (browser, secret) = try await WebSecondFactorTests.withSecondFactor(server)
        let account = try #require(browser.account)
        _ = try await server.admin("POST", "/admin/v1/deposit", ["account": String(account), "asset": "BTC", "amount": "1"])
        let wrong = String(format: "%06d", (Int(WebSecondFactorTests.code(secret))! + 1) % 1_000_000)
        var asked = withdrawal
        asked["totpCode"] = wrong
        #expect(try await browser.send("POST", "/sapi/v1/capital/withdraw/apply", query: asked).code == -9209)
        asked["totpCode"] = WebSecondFactorTests.code(secret)
        let accepted = try await browser.send("POST", "/sapi/v1/capital/withdraw/apply", query: asked)
        #expect(accepted.status == 200 && (accepted.object["id"] as? String)?.count == 32, "\(accepted.text)")
        let history = try await browser.send("GET", "/sapi/v1/capital/withdraw/history")
        #expect((history.json as? [[String: Any]])?.count == 1, "\(history.text)")
    }

    @Test func aLargeWithdrawalWaitsForAnOperatorAndAFrozenAccountCannotWithdraw() async throws {
        let (server, rpc, chain) = try await Self.start(approvalAbove: 10_000_000)
        defer { Task { await server.stop(); try? await chain.close() } }
        let alice = try await server.account(usdt: "1", btc: "2")
        let withdrawer = try await server.key(for: alice.id, permissions: "read,withdraw", ipAllowList: "::1,127.0.0.0/8")
        let outside = try rpc.withChain { try $0.newAddress(wallet: "outside", label: "payee") }
        try rpc.withChain { _ = try $0.send(from: "outside", to: try $0.newAddress(wallet: "hot", label: "float"),
                                            amount: 500_000_000, comment: "") }
        let applied = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": outside, "amount": "0.5"], as: withdrawer)
        #expect(applied.status == 200, "\(applied.text)")
        let pending = try await server.admin("GET", "/admin/v1/withdrawals", [:])
        let held = try #require((pending.json as? [[String: Any]])?.first, "\(pending.text)")
        #expect(held["state"] as? String == "AWAITING_APPROVAL" && held["amount"] as? String == "0.50000000")
        let history = try await server.signed("GET", "/sapi/v1/capital/withdraw/history", [:], as: alice)
        #expect((history.json as? [[String: Any]])?.first?["status"] as? Int == 2, "\(history.text)")
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(rpc.withChain { $0.received(by: outside, confirmationsMin: 0) } == 0, "nothing is paid before approval")

        let id = String(held["withdrawal"] as! Int)
        let noReason = try await server.send("POST", "/admin/v1/withdrawal/approve", query: "withdrawal=\(id)&operator=carol",
                                             headers: ["X-Solvent-Admin-Token": try server.adminToken()], on: .admin)
        #expect(noReason.status == 400, "\(noReason.text)")
        _ = try await server.admin("POST", "/admin/v1/withdrawal/approve",
                                   ["withdrawal": id, "operator": "carol", "reason": "called the customer", "reference": "T-1"])
        try await waitFor("the approved withdrawal to be paid") {
            rpc.withChain { $0.received(by: outside, confirmationsMin: 0) } == 50_000_000 - 10_000
        }

        _ = try await server.admin("POST", "/admin/v1/account/freeze",
                                   ["account": String(alice.id), "operator": "dave", "reason": "court order", "reference": "C-12"])
        let status = try await server.signed("GET", "/sapi/v1/account/status", [:], as: alice)
        #expect(status.text == #"{"data":"Frozen"}"#)
        let frozen = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                             ["coin": "BTC", "address": outside, "amount": "0.01"], as: withdrawer)
        #expect(frozen.code == -1002, "\(frozen.text)")
        let order = try await server.signed("POST", "/api/v3/order", ["symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT",
                                                                      "timeInForce": "GTC", "quantity": "0.01", "price": "50000"],
                                            as: alice)
        #expect(order.status != 200, "\(order.text)")
        _ = try await server.admin("POST", "/admin/v1/account/unfreeze",
                                   ["account": String(alice.id), "operator": "dave", "reason": "order lifted"])
        let again = try await server.signed("GET", "/sapi/v1/account/status", [:], as: alice)
        #expect(again.text == #"{"data":"Normal"}"#)
    }
}

extension TestServer {
    /// Another key of `account`, with the given permissions and IP allow-list.
    func key(for account: Int, permissions: String, ipAllowList: String) async throws -> TestAccount {
        let key = try await admin("POST", "/admin/v1/apiKey", ["account": String(account), "permissions": permissions,
                                                              "ipAllowList": ipAllowList]).json as! [String: Any]
        return TestAccount(id: account, apiKey: key["apiKey"] as! String, secret: key["secret"] as! String)
    }
}

@Suite struct CustodyConfigurationTests {
    @Test func theConfigurationFileSetsCustodyAndRefusesBadValues() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("custody-\(UUID()).json").path
        try #"{"custody": {"confirmations": 6, "withdrawalFees": {"BTC": 20000}, "approvalAbove": {"BTC": 100000000}, "coldAddresses": {"BTC": "bc1qcold"}}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration(dataDirectory: "/tmp/unused")
        #expect(configuration.custody.securityDelays == SecurityDelays(addressDelay: 86_400_000, withdrawalLock: 86_400_000),
                "24 hours each by default")
        try configuration.apply(configurationFile: path)
        #expect(configuration.custody.confirmationsRequired == 6)
        #expect(configuration.custody.withdrawalFees == ["BTC": 20_000])
        #expect(configuration.custody.approvalThresholds == ["BTC": 100_000_000])
        #expect(configuration.custody.coldAddresses == ["BTC": "bc1qcold"])
        try #"{"custody": {"addressDelaySeconds": 3600, "withdrawalLockSeconds": 0}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        try configuration.apply(configurationFile: path)
        #expect(configuration.custody.securityDelays == SecurityDelays(addressDelay: 3_600_000, withdrawalLock: 0))
        for bad in [#"{"custody": {"withdrawalFees": {"BTC": -1}}}"#, #"{"custody": {"confirmation": 6}}"#,
                    #"{"custody": {"withdrawalFees": {"BTC": "0.1"}}}"#, #"{"custody": {"withdrawalLockSeconds": -1}}"#,
                    #"{"custody": {"addressDelaySeconds": 9223372036854775807}}"#] {
            try bad.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: (any Error).self, "\(bad)") { try configuration.apply(configurationFile: path) }
        }
    }
}
