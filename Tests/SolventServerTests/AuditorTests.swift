import Foundation
import SolventStore
import SolventWire
import Testing
@testable import SolventServer

/// The auditor's key through the real HTTP door: every endpoint but the auditor's own refuses
/// it (the test walks the whole endpoint table), the exports stream an account's every order and
/// fill as CSV or JSON lines across pages, and the access log's hash chain holds until someone
/// edits the file.
@Suite(.serialized) struct AuditorTests {
    /// An account of the auditor's own, holding nothing, and its audit key.
    static func auditor(_ server: TestServer) async throws -> TestAccount {
        let opened = try await server.admin("POST", "/admin/v1/account", [:])
        let account = try #require((opened.json as? [String: Any])?["account"] as? Int)
        let key = try #require(try await server.admin("POST", "/admin/v1/apiKey", ["account": String(account), "permissions": "audit"])
            .json as? [String: Any])
        return TestAccount(id: account, apiKey: try #require(key["apiKey"] as? String), secret: try #require(key["secret"] as? String))
    }

    @Test func everyEndpointButTheAuditorsRefusesTheAuditorsKey() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let auditor = try await Self.auditor(server)
        var checked = 0
        for declaration in EndpointCatalog.all where declaration.security != .audit {
            // Public reads are everyone's; the operator's endpoints are not even on this listener.
            if declaration.security == .none && declaration.method == "GET" { continue }
            let answer = try await server.signed(declaration.method, declaration.path,
                                                 ["account": String(alice.id), "symbol": "BTCUSDT"], as: auditor)
            #expect(answer.status >= 400, "\(declaration.method) \(declaration.path) let the auditor in: \(answer.text)")
            switch declaration.security {
            case .trade, .userData, .withdraw, .proofSecret, .userStream, .none:
                #expect(answer.code == -2015, "\(declaration.method) \(declaration.path): \(answer.text)")
            case .admin, .session, .audit:
                break
            }
            checked += 1
        }
        #expect(checked > 40, "the table walk reached only \(checked) endpoints")
        for declaration in EndpointCatalog.audit {
            let answer = try await server.signed("GET", declaration.path,
                                                 ["account": String(alice.id), "kind": "orders", "fromSequence": "1"],
                                                 as: auditor)
            #expect(answer.status == 200, "\(declaration.path): \(answer.text)")
            let own = try await server.signed("GET", declaration.path, ["account": String(alice.id), "kind": "orders"],
                                              as: alice)
            #expect(own.code == -2015, "an account's own key is no auditor's: \(own.text)")
        }
    }

    @Test func anAuditorsKeyHoldsAuditAloneAndOnlyTheOperatorMakesOne() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let opened = try await server.admin("POST", "/admin/v1/account", [:])
        let account = try #require((opened.json as? [String: Any])?["account"] as? Int)
        await #expect(throws: (any Error).self) {
            _ = try await server.admin("POST", "/admin/v1/apiKey", ["account": String(account), "permissions": "read,audit"])
        }
        #expect(APIKeyPermissions(names: "audit") == .audit)
        #expect(APIKeyPermissions(names: "audit,trade") == nil)
    }

    @Test func theExportStreamsEveryOrderAndFillAcrossPages() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let bob = try await server.account()
        let auditor = try await Self.auditor(server)
        // More orders than one page: immediate-or-cancel buys far below any ask expire at once.
        let expired = AuditExport.pageRows + 30
        for _ in 0..<expired {
            let placed = try await server.signed("POST", "/api/v3/order",
                                                 ["symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "IOC",
                                                  "quantity": "0.001", "price": "100"], as: alice)
            #expect(placed.status == 200, "\(placed.text)")
        }
        _ = try await server.signed("POST", "/api/v3/order", ["symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT",
                                                              "timeInForce": "GTC", "quantity": "0.5", "price": "20000"],
                                    as: bob)
        _ = try await server.signed("POST", "/api/v3/order", ["symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT",
                                                              "timeInForce": "GTC", "quantity": "0.25", "price": "20000"],
                                    as: alice)

        let orders = try await server.signed("GET", "/sapi/v1/solvent/audit/export",
                                             ["account": String(alice.id), "kind": "orders"], as: auditor)
        #expect(orders.status == 200 && orders.headers["content-type"]?.hasPrefix("text/csv") == true, "\(orders.text)")
        #expect(orders.headers["transfer-encoding"]?.lowercased() == "chunked", "\(orders.headers)")
        let rows = orders.text.split(separator: "\n")
        let header = "symbol,orderId,clientOrderId,side,type,timeInForce,status,price,origQty,executedQty,"
            + "cummulativeQuoteQty,stopPrice,time,updateTime"
        #expect(rows.first.map(String.init) == header)
        #expect(rows.count == 1 + expired + 1, "every order once: \(rows.count - 1) rows")
        let ids = rows.dropFirst().map { Int($0.split(separator: ",")[1])! }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "in id order, none twice")
        #expect(rows.dropFirst().dropLast().allSatisfy { $0.contains(",BUY,LIMIT,IOC,EXPIRED,100.00000000,0.00100000,0.00000000,") })
        #expect(rows.last?.contains(",BUY,LIMIT,GTC,FILLED,20000.00000000,0.25000000,0.25000000,5000.00000000,") == true, "\(rows.last ?? "")")

        let fills = try await server.signed("GET", "/sapi/v1/solvent/audit/export",
                                            ["account": String(alice.id), "kind": "trades", "format": "jsonl"], as: auditor)
        let lines = fills.text.split(separator: "\n")
        #expect(lines.count == 1, "\(fills.text)")
        let fill = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(fill["price"] as? String == "20000.00000000" && fill["qty"] as? String == "0.25000000")
        #expect(fill["isBuyer"] as? Bool == true && fill["quoteQty"] as? String == "5000.00000000")

        let ledger = try await server.signed("GET", "/sapi/v1/solvent/audit/export",
                                             ["account": String(alice.id), "kind": "ledger"], as: auditor)
        let entries = ledger.text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(entries.first == ["sequence", "kind", "asset", "amount", "withdrawalId", "time"], "\(ledger.text)")
        #expect(entries.dropFirst().map { "\($0[1]) \($0[2]) \($0[3])" } == ["DEPOSIT USDT 100000.00000000",
                                                                             "DEPOSIT BTC 10.00000000"], "\(ledger.text)")

        let later = try await server.signed("GET", "/sapi/v1/solvent/audit/export",
                                            ["account": String(alice.id), "kind": "trades", "startTime": "4102444800000"],
                                            as: auditor)
        #expect(later.text.split(separator: "\n").count == 1, "only the header after the range: \(later.text)")
        for bad in [["kind": "balances"], ["kind": "orders", "format": "xml"], ["kind": "orders", "account": "999"]] {
            let refused = try await server.signed("GET", "/sapi/v1/solvent/audit/export",
                                                  ["account": String(alice.id)].merging(bad) { $1 }, as: auditor)
            #expect(refused.status == 400 && refused.code == -1130, "\(bad): \(refused.text)")
        }
    }

    @Test func theAccessLogChainsEveryAuditorRequestAndShowsAnEdit() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let auditor = try await Self.auditor(server)
        for _ in 0..<3 { _ = try await server.signed("GET", "/sapi/v1/solvent/audit/accounts", [:], as: auditor) }
        let accounts = try #require(try await server.signed("GET", "/sapi/v1/solvent/audit/accounts", [:], as: auditor)
            .json as? [String: Any])
        let listed = try #require(accounts["accounts"] as? [[String: Any]])
        let row = try #require(listed.first { $0["account"] as? Int == alice.id })
        #expect((row["balances"] as? [[String: Any]])?.contains { $0["asset"] as? String == "BTC" && $0["free"] as? String == "10.00000000" } == true)

        let log = try #require(try await server.signed("GET", "/sapi/v1/solvent/audit/accessLog", [:], as: auditor)
            .json as? [String: Any])
        #expect(log["intact"] as? Bool == true)
        let head = try #require(log["head"] as? [String: Any])
        #expect(head["index"] as? Int == 5, "four account lists and this read: \(head)")
        let entries = try #require(log["entries"] as? [[String: Any]])
        #expect(entries.count == 5 && entries.allSatisfy { $0["key"] as? String == auditor.apiKey })
        #expect(entries.last?["path"] as? String == "/sapi/v1/solvent/audit/accessLog")

        // The operator edits the second line (makes it look like another path was read).
        let path = server.directory + "/audit/access.log"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "/audit/accounts", with: "/audit/accessLog")
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let edited = try #require(try await server.signed("GET", "/sapi/v1/solvent/audit/accessLog", [:], as: auditor)
            .json as? [String: Any])
        #expect(edited["intact"] as? Bool == false && edited["brokenAt"] as? Int == 2, "\(edited)")
    }
}
