import Crypto
import Foundation
import SolventCore
import SolventWire
import Testing
@testable import SolventServer

/// The WebSocket API (spec §6.3) as a function of frames: the REST methods under their WebSocket
/// names with the same authentication and errors, `rateLimits` on every reply, and the
/// user-data subscription.
@Suite(.serialized) struct WebSocketAPITests {
    typealias Value = WebSocketAPIAccount.Value

    static let limitBuy: [String: Value] = [
        "symbol": .string("BTCUSDT"), "side": .string("BUY"), "type": .string("LIMIT"), "timeInForce": .string("GTC"),
        "quantity": .string("0.01000000"), "price": .string("50000.00"), "newClientOrderId": .string("ws-1"),
    ]

    @Test func orderPlaceAnswersLikeRESTWithOrderAndWeightLimits() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account()
        let (connection, _) = rig.connection()
        let answer = await rig.call(alice.signedFrame("order.place", Self.limitBuy, id: "e2a85d9f"), on: connection)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["id"] as? String == "e2a85d9f")
        let result = try #require(answer.result)
        #expect(result["clientOrderId"] as? String == "ws-1" && result["status"] as? String == "NEW")
        #expect(result["fills"] as? [Any] != nil, "LIMIT defaults to a FULL response")
        #expect(answer.rateLimitTypes == ["ORDERS", "ORDERS", "REQUEST_WEIGHT"])
        let limits = try #require(answer.json["rateLimits"] as? [[String: Any]])
        #expect(limits[0]["count"] as? Int == 1 && limits[0]["interval"] as? String == "SECOND")
        #expect((limits[2]["count"] as? Int ?? 0) >= 1 && limits[2]["limit"] as? Int == 6000)
    }

    @Test func theOrderMethodsFindCancelAndListTheCallersOrders() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account()
        let (connection, _) = rig.connection()
        let placed = await rig.call(alice.signedFrame("order.place", Self.limitBuy), on: connection)
        let orderId = try #require(placed.result?["orderId"] as? Int)
        let reference: [String: Value] = ["symbol": .string("BTCUSDT"), "orderId": .number(String(orderId))]
        let status = await rig.call(alice.signedFrame("order.status", reference), on: connection)
        #expect(status.result?["status"] as? String == "NEW" && status.result?["isWorking"] as? Bool == true, "\(status.text)")
        let open = await rig.call(alice.signedFrame("openOrders.status", ["symbol": .string("BTCUSDT")]), on: connection)
        #expect((open.json["result"] as? [[String: Any]])?.map { $0["orderId"] as? Int } == [orderId])
        let account = await rig.call(alice.signedFrame("account.status", ["omitZeroBalances": .string("true")]), on: connection)
        let balances = try #require(account.result?["balances"] as? [[String: Any]])
        #expect(balances.contains { $0["asset"] as? String == "USDT" && $0["locked"] as? String == "500.00000000" },
                "\(account.text)")
        let canceled = await rig.call(alice.signedFrame("order.cancel", reference), on: connection)
        #expect(canceled.result?["status"] as? String == "CANCELED" && canceled.result?["origClientOrderId"] as? String == "ws-1")
        #expect(canceled.rateLimitTypes == ["REQUEST_WEIGHT"])
        let again = await rig.call(alice.signedFrame("order.cancel", reference), on: connection)
        #expect(again.status == 400 && again.code == -2011)
    }

    @Test func everyMappedMethodAnswersThroughItsEndpoint() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account()
        let (connection, _) = rig.connection()
        let symbol: [String: Value] = ["symbol": .string("BTCUSDT")]
        let placed = await rig.call(alice.signedFrame("order.place", Self.limitBuy), on: connection)
        let orderId = try #require(placed.result?["orderId"] as? Int)
        let replace = Self.limitBuy.merging(["cancelReplaceMode": .string("STOP_ON_FAILURE"),
                                             "cancelOrderId": .number(String(orderId)),
                                             "newClientOrderId": .string("ws-2")]) { $1 }
        let signed: [(String, [String: Value], (WebSocketAPIAnswer) -> Bool)] = [
            ("order.test", Self.limitBuy.merging(["newClientOrderId": .string("ws-test")]) { $1 }, { $0.text.contains(#""result":{}"#) }),
            ("order.cancelReplace", replace, { ($0.result?["cancelResult"] as? String) == "SUCCESS" }),
            ("allOrders", symbol, { ($0.json["result"] as? [Any])?.count == 2 }),
            ("myTrades", symbol, { ($0.json["result"] as? [Any])?.isEmpty == true }),
            ("account.commission", symbol, { $0.result?["standardCommission"] != nil }),
            ("account.rateLimits.orders", [:], { ($0.json["result"] as? [Any])?.count == 2 }),
            ("openOrders.cancelAll", symbol, { ($0.json["result"] as? [[String: Any]])?.first?["status"] as? String == "CANCELED" }),
        ]
        for (method, params, check) in signed {
            let answer = await rig.call(alice.signedFrame(method, params), on: connection)
            #expect(answer.status == 200 && check(answer), "\(method): \(answer.text)")
        }
        let publicMethods = [#""exchangeInfo","params":{"symbol":"BTCUSDT"}"#, #""klines","params":{"symbol":"BTCUSDT","interval":"1m"}"#,
                             #""trades.recent","params":{"symbol":"BTCUSDT"}"#, #""trades.aggregate","params":{"symbol":"BTCUSDT"}"#,
                             #""avgPrice","params":{"symbol":"BTCUSDT"}"#, #""ticker.24hr","params":{"symbol":"BTCUSDT"}"#,
                             #""ticker.price","params":{"symbol":"BTCUSDT"}"#, #""ticker.book","params":{"symbol":"BTCUSDT"}"#]
        for method in publicMethods {
            let answer = await rig.call(#"{"id":1,"method":\#(method)}"#, on: connection)
            #expect(answer.status == 200, "\(method): \(answer.text)")
        }
        let started = await rig.call(#"{"id":1,"method":"userDataStream.start","params":{"apiKey":"\#(alice.apiKey)"}}"#,
                                     on: connection)
        let listenKey = try #require(started.result?["listenKey"] as? String, "\(started.text)")
        #expect(rig.context.listenKeys.account(of: listenKey, now: ServerClock.milliseconds()) == alice.id)
        for method in ["userDataStream.ping", "userDataStream.stop"] {
            let answer = await rig.call(
                #"{"id":1,"method":"\#(method)","params":{"apiKey":"\#(alice.apiKey)","listenKey":"\#(listenKey)"}}"#,
                on: connection)
            #expect(answer.status == 200, "\(method): \(answer.text)")
        }
        #expect(rig.context.listenKeys.account(of: listenKey, now: ServerClock.milliseconds()) == nil)
    }

    @Test func anotherAccountsOrderIdsAreNotFound() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account(), mallory = try await rig.account()
        let (connection, _) = rig.connection()
        let placed = await rig.call(alice.signedFrame("order.place", Self.limitBuy), on: connection)
        let orderId = try #require(placed.result?["orderId"] as? Int)
        let reference: [String: Value] = ["symbol": .string("BTCUSDT"), "orderId": .number(String(orderId))]
        let status = await rig.call(mallory.signedFrame("order.status", reference), on: connection)
        #expect(status.status == 400 && status.code == -2013, "\(status.text)")
        let cancel = await rig.call(mallory.signedFrame("order.cancel", reference), on: connection)
        #expect(cancel.status == 400 && cancel.code == -2011, "\(cancel.text)")
        let stillThere = await rig.call(alice.signedFrame("order.status", reference), on: connection)
        #expect(stillThere.result?["status"] as? String == "NEW")
    }

    @Test func authenticationFailuresCarryRESTsCodesAndRateLimits() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account()
        let (connection, _) = rig.connection()
        let status: [String: Value] = ["symbol": .string("BTCUSDT"), "orderId": .number("1")]
        let badSignature = await rig.call(alice.signedFrame("order.status", status, tamper: true), on: connection)
        #expect(badSignature.status == 400 && badSignature.code == -1022, "\(badSignature.text)")
        let stranger = WebSocketAPIAccount(id: 99, apiKey: String(repeating: "A", count: 64), signer: alice.signer)
        let unknownKey = await rig.call(stranger.signedFrame("order.status", status), on: connection)
        #expect(unknownKey.status == 401 && unknownKey.code == -2015, "\(unknownKey.text)")
        let stale = await rig.call(alice.signedFrame("order.status", status.merging(["recvWindow": .number("5000")]) { $1 },
                                                     timestamp: ServerClock.milliseconds() - 60_000), on: connection)
        #expect(stale.status == 400 && stale.code == -1021, "\(stale.text)")
        let unsigned = await rig.call(alice.signedFrame("order.status", status, withKey: false), on: connection)
        #expect(unsigned.status == 400 && unsigned.code == -1102, "\(unsigned.text)")
        let missingSymbol = await rig.call(alice.signedFrame("order.place", Self.limitBuy.filter { $0.key != "symbol" }),
                                           on: connection)
        #expect(missingSymbol.status == 400 && missingSymbol.code == -1102, "\(missingSymbol.text)")
        #expect((missingSymbol.json["error"] as? [String: Any])?["msg"] as? String
            == "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
        for answer in [badSignature, unknownKey, stale, unsigned, missingSymbol] {
            #expect(answer.rateLimitTypes?.contains("REQUEST_WEIGHT") == true, "\(answer.text)")
            #expect(answer.json["id"] as? String == "1")
        }
    }

    @Test func unknownMethodsAndUnreadableFramesAreErrorsWithTheirIds() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let (connection, _) = rig.connection()
        let unknown = await rig.call(#"{"id":7,"method":"order.teleport","params":{}}"#, on: connection)
        #expect(unknown.status == 400 && unknown.code == -1020 && unknown.json["id"] as? Int == 7, "\(unknown.text)")
        let garbage = await rig.call("{not json", on: connection)
        #expect(garbage.status == 400 && garbage.code == -1135 && garbage.json["id"] is NSNull, "\(garbage.text)")
        let noMethod = await rig.call(#"{"id":"x","params":{}}"#, on: connection)
        #expect(noMethod.code == -1102 && noMethod.json["id"] as? String == "x")
        let badParams = await rig.call(#"{"id":null,"method":"ping","params":[1]}"#, on: connection)
        #expect(badParams.code == -1135)
        for answer in [unknown, garbage, noMethod, badParams] { #expect(answer.rateLimitTypes == ["REQUEST_WEIGHT"]) }
    }

    @Test func publicMethodsNeedNoKeyAndRateLimitsCanBeTurnedOff() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let (connection, _) = rig.connection()
        let ping = await rig.call(#"{"id":1,"method":"v3/ping"}"#, on: connection)
        #expect(ping.text.hasPrefix(#"{"id":1,"status":200,"result":{},"rateLimits":[{"rateLimitType":"REQUEST_WEIGHT""#),
                "\(ping.text)")
        let time = await rig.call(#"{"id":2,"method":"time","params":{"returnRateLimits":"false"}}"#, on: connection)
        #expect(time.result?["serverTime"] is Int && time.json["rateLimits"] == nil, "\(time.text)")
        let depth = await rig.call(#"{"id":3,"method":"depth","params":{"symbol":"BTCUSDT","limit":5}}"#, on: connection)
        #expect(depth.result?["lastUpdateId"] is Int, "\(depth.text)")
    }

    @Test func signatureSubscriptionDeliversTheAccountsEventsOnTheConnection() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account()
        let (connection, pushes) = rig.connection()
        let subscribed = await rig.call(alice.signedFrame("userDataStream.subscribe.signature"), on: connection)
        #expect(subscribed.text.contains(#""result":{"subscriptionId":0}"#), "\(subscribed.text)")
        let twice = await rig.call(alice.signedFrame("userDataStream.subscribe.signature"), on: connection)
        #expect(twice.code == -2035)
        _ = await rig.call(alice.signedFrame("order.place", Self.limitBuy), on: connection)
        #expect(await eventually { pushes.all.count >= 2 })
        let events = pushes.json
        #expect(events.allSatisfy { $0["subscriptionId"] as? Int == 0 })
        let kinds = events.compactMap { ($0["event"] as? [String: Any])?["e"] as? String }
        #expect(kinds == ["executionReport", "outboundAccountPosition"], "\(pushes.all)")
        let listed = await rig.call(#"{"id":1,"method":"session.subscriptions"}"#, on: connection)
        #expect(listed.text.contains(#""result":[{"subscriptionId":0}]"#))
        let wrong = await rig.call(#"{"id":1,"method":"userDataStream.unsubscribe","params":{"subscriptionId":5}}"#,
                                   on: connection)
        #expect(wrong.code == -2036)
        let unsubscribed = await rig.call(#"{"id":1,"method":"userDataStream.unsubscribe","params":{"subscriptionId":0}}"#,
                                          on: connection)
        #expect(unsubscribed.status == 200 && unsubscribed.text.contains(#""result":{}"#))
        #expect(rig.api.userStreams.subscriptionCount == 0)
    }

    @Test func anEd25519LogonLetsRequestsOmitKeyAndSignatureButNotTheTimestamp() async throws {
        let rig = try await WebSocketAPIRig()
        defer { rig.stop() }
        let alice = try await rig.account(kind: .ed25519)
        let (connection, _) = rig.connection()
        let logon = await rig.call(alice.signedFrame("session.logon"), on: connection)
        #expect(logon.result?["apiKey"] as? String == alice.apiKey, "\(logon.text)")
        let account = await rig.call(alice.signedFrame("account.status", withKey: false), on: connection)
        #expect(account.status == 200 && account.result?["uid"] as? Int == Int(alice.id), "\(account.text)")
        let noTimestamp = await rig.call(#"{"id":1,"method":"account.status"}"#, on: connection)
        #expect(noTimestamp.code == -1102)
        let subscribed = await rig.call(#"{"id":1,"method":"userDataStream.subscribe"}"#, on: connection)
        #expect(subscribed.text.contains(#""subscriptionId":0"#), "\(subscribed.text)")
        _ = await rig.call(#"{"id":1,"method":"session.logout"}"#, on: connection)
        let afterLogout = await rig.call(alice.signedFrame("account.status", withKey: false), on: connection)
        #expect(afterLogout.code == -1102)
        let hmac = try await rig.account()
        let refused = await rig.call(hmac.signedFrame("session.logon"), on: connection)
        #expect(refused.status == 401 && refused.code == -1002)
    }
}
