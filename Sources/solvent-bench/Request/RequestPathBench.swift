import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SolventCore
import SolventServer
import SolventWire

/// The stages of a signed `POST /api/v3/order` on the request's event loop, each the server's
/// own function on prepared inputs (`RequestPathFixture`), for `solvent-bench request` to time.
/// Everything but NIO, Hummingbird and the engine round trip: the engine's events are made once.
enum RequestPathBench {
    /// One stage: runs once and returns a count, so the work cannot be optimized away.
    struct Stage {
        let name: String
        let run: () -> Int
    }

    /// The baseline first (a bare HMAC-SHA256 of the order's payload), then the stages, then the
    /// whole path of an ACK order.
    static func stages() -> [Stage] {
        let fixture = RequestPathFixture()
        let payload = Array(fixture.payload.utf8)
        let secret = SymmetricKey(data: RequestPathFixture.hmacSecret)
        let parsed = parse(fixture.hmacOrder)
        var admitted = parsed
        try! fixture.gate.admit(fixture.endpoint, &admitted)
        let placement = try! OrderPlacement(admitted, market: try! fixture.catalog.resolved(symbol: "BTCUSDT"),
                                            limiter: fixture.limiter)
        let ackReply = try! placement.reply(fixture.expiredEvents)
        let result = sized(fixture, admitted, "RESULT"), full = sized(fixture, admitted, "FULL")
        return [
            Stage(name: "baseline: HMAC-SHA256 of the payload") {
                HMAC<Crypto.SHA256>.authenticationCode(for: payload, using: secret).byteCount
            },
            Stage(name: "route (endpoint table)") { route(fixture, parsed) },
            Stage(name: "parse (APIRequest from Request)") { parse(fixture.hmacOrder).parameters.count },
            Stage(name: "admit HMAC") { admit(fixture, parsed) },
            Stage(name: "admit HMAC, bad signature") { admit(fixture, parse(fixture.badSignatureOrder)) },
            Stage(name: "admit Ed25519") { admit(fixture, parse(fixture.ed25519Order)) },
            Stage(name: "order (market, OrderRequest, counts)") { place(fixture, admitted).request.order.quantity == 0 ? 0 : 1 },
            Stage(name: "reply ACK") { try! placement.reply(fixture.expiredEvents).body.count },
            Stage(name: "reply RESULT") { try! result.reply(fixture.expiredEvents).body.count },
            Stage(name: "reply FULL (2 fills)") { try! full.reply(fixture.filledEvents).body.count },
            Stage(name: "response (weight, metrics, headers)") { respond(fixture, ackReply) },
            Stage(name: "whole path, HMAC ACK") { whole(fixture, fixture.hmacOrder) },
            Stage(name: "whole path, bad signature") { whole(fixture, fixture.badSignatureOrder) },
        ]
    }

    private static func parse(_ request: Request) -> APIRequest {
        try! APIService.apiRequest(request.head, uri: request.uri, body: ByteBuffer(), clientIP: RequestPathFixture.clientIP)
    }

    private static func route(_ fixture: RequestPathFixture, _ request: APIRequest) -> Int {
        if case .found = fixture.table.lookup(method: request.method, path: request.path) { return 1 }
        return 0
    }

    private static func admit(_ fixture: RequestPathFixture, _ request: APIRequest) -> Int {
        var request = request
        do {
            try fixture.gate.admit(fixture.endpoint, &request)
            return 1
        } catch {
            return Int(error.code)
        }
    }

    private static func place(_ fixture: RequestPathFixture, _ request: APIRequest) -> OrderPlacement {
        try! OrderPlacement(request, market: try! fixture.catalog.resolved(symbol: request.parameters.required("symbol")),
                            limiter: fixture.limiter)
    }

    /// The placement of the same order asking for another response size.
    private static func sized(_ fixture: RequestPathFixture, _ request: APIRequest, _ type: String) -> OrderPlacement {
        let query = fixture.payload.replacingOccurrences(of: "newOrderRespType=ACK", with: "newOrderRespType=" + type)
        var request = parse(RequestPathFixture.order(query, key: RequestPathFixture.hmacKeyId))
        request.account = 1
        return place(fixture, request)
    }

    private static func respond(_ fixture: RequestPathFixture, _ reply: Reply) -> Int {
        let fields = fixture.api.complete(reply, label: "/api/v3/order", method: .post,
                                          clientIP: RequestPathFixture.clientIP, since: .now)
        return HTTPResponse(status: .init(code: reply.status), headerFields: fields).status.code
    }

    /// What `APIChannelHandler` does for one order, with the engine's answer ready-made.
    private static func whole(_ fixture: RequestPathFixture, _ request: Request) -> Int {
        let reply: Reply
        do throws(BinanceError) {
            var parsed = try APIService.apiRequest(request.head, uri: request.uri, body: ByteBuffer(),
                                                   clientIP: RequestPathFixture.clientIP)
            _ = route(fixture, parsed)
            try fixture.gate.admit(fixture.endpoint, &parsed)
            let placement = try OrderPlacement(parsed, market: try fixture.catalog.resolved(symbol: parsed.parameters.required("symbol")),
                                               limiter: fixture.limiter)
            reply = try placement.reply(fixture.expiredEvents)
        } catch {
            reply = Reply(error: error)
        }
        return respond(fixture, reply)
    }
}
