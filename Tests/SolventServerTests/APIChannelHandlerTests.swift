import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
@testable import SolventServer
import SolventWire
import Synchronization
import Testing

/// The REST API's one door, in the channel pipeline: it answers every request itself (nothing
/// passes on to Hummingbird), one at a time per connection so answers leave in the order
/// requests came, holding (and not reading) while an earlier answer is still to be written.
/// Endpoints that await are covered through real sockets by every other server test.
@Suite struct APIChannelHandlerTests {
    @Test func aRequestIsAnsweredInThePipeline() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1")
        #expect(try harness.passedOn().isEmpty)
        #expect(harness.started == ["n=1"])
        harness.answer(0, "{\"n\":1}")
        let written = try harness.written()
        guard written.count == 3, case .head(let head) = written[0], case .body(let body) = written[1], case .end = written[2]
        else { Issue.record("not head, body, end: \(written)"); return }
        #expect(head.status == .ok)
        #expect(head.headerFields[.contentLength] == "7")
        #expect(head.headerFields[.contentType] == "application/json;charset=UTF-8")
        #expect(head.headerFields[HTTPField.Name("X-MBX-USED-WEIGHT-1M")!] != nil)
        #expect(head.headerFields[.server] == "Solvent")
        #expect(head.headerFields[.date]?.hasSuffix(" GMT") == true)
        #expect(String(buffer: body) == "{\"n\":1}")
    }

    @Test func anUnknownPathOrMethodIsAnsweredWithBinancesJSONAndNothingPassesOn() throws {
        let harness = try DoorHarness()
        try harness.send(.get, "/nowhere?x=1", body: "b=2")
        try harness.send(.delete, "/direct")
        #expect(try harness.passedOn().isEmpty)
        #expect(harness.started.isEmpty)
        let written = try harness.written()
        let heads = written.compactMap { part -> HTTPResponse? in if case .head(let head) = part { head } else { nil } }
        let bodies = written.compactMap { part -> String? in if case .body(let body) = part { String(buffer: body) } else { nil } }
        #expect(heads.map(\.status.code) == [BinanceError.unknownPath.httpStatus, BinanceError.methodNotAllowed.httpStatus])
        #expect(bodies == [String(decoding: BinanceError.unknownPath.json(), as: UTF8.self),
                           String(decoding: BinanceError.methodNotAllowed.json(), as: UTF8.self)])
    }

    @Test func aLateWebSocketUpgradeGoesOnToHummingbirdWhichRedirectsIt() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1")
        try harness.send(.get, "/ws/0", headers: [.upgrade: "websocket", .connection: "Upgrade"])
        #expect(try harness.passedOn().isEmpty, "held while the earlier answer is outstanding")
        harness.answer(0, "{}")
        let parts = try harness.passedOn()
        guard parts.count == 2, case .head(let head) = parts[0], case .end = parts[1] else {
            Issue.record("not passed on whole: \(parts)"); return
        }
        #expect(head.path == "/ws/0")
        #expect(try harness.writtenStatuses() == [.ok], "only the first request is answered here")
    }

    @Test func nothingStartsWhileAnEarlierRequestIsAnswered() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1")
        try harness.send(.get, "/other?n=2")
        try harness.send(.post, "/direct?n=3")
        #expect(harness.started == ["n=1"])
        harness.channel.read()
        #expect(harness.reads.count == 0, "no read while requests are held")
        harness.answer(0, "{}")
        #expect(harness.started == ["n=1", "n=2"], "the next one starts once the answer is written")
        #expect(harness.reads.count == 0, "one request is still held")
        harness.answer(1, "{}")
        #expect(harness.started == ["n=1", "n=2", "n=3"])
        #expect(harness.reads.count == 1, "the deferred read went once nothing was held")
        harness.answer(2, "{}")
        #expect(try harness.writtenStatuses() == [.ok, .ok, .ok])
    }

    @Test func aRequestRefusedAtOnceIsAnsweredInItsTurn() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1")
        try harness.send(.post, "/direct?refuse=1")
        try harness.send(.get, "/other?n=3")
        harness.answer(0, "{}")
        #expect(harness.started == ["n=1", "n=3"], "the refusal is written at once and the next one starts")
        let written = try harness.written()
        guard case .head(let refused) = written[3], case .body(let body) = written[4] else {
            Issue.record("no refusal: \(written)"); return
        }
        #expect(refused.status.code == 400)
        #expect(String(buffer: body) == #"{"code":-1130,"msg":"Data sent for parameter 'refuse' is not valid."}"#)
    }

    @Test func theBodyReachesTheHandlerAndAnOversizedOneIsRefused() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1", body: "side=BUY&quantity=1")
        #expect(harness.bodies == ["side=BUY&quantity=1"])
        harness.answer(0, "{}")
        _ = try harness.written()
        try harness.send(.post, "/direct?n=2", body: String(repeating: "a", count: APIService.bodyLimit + 1))
        #expect(harness.started == ["n=1"], "not started")
        let written = try harness.written()
        guard case .head(let head) = written.first, case .body(let body) = written.dropFirst().first else {
            Issue.record("no refusal: \(written)"); return
        }
        #expect(head.status.code == 400)
        #expect(String(buffer: body) == #"{"code":-1130,"msg":"Data sent for parameter 'body' is not valid."}"#)
    }

    @Test func aQuiesceEventWaitsForTheAnswerInFlight() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1")
        harness.channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(harness.events.count == 0)
        harness.answer(0, "{}")
        #expect(harness.events.count == 1)
    }

    @Test func connectionCloseClosesAfterTheAnswer() throws {
        let harness = try DoorHarness()
        try harness.send(.post, "/direct?n=1", headers: [.connection: "close"])
        #expect(harness.channel.isActive)
        harness.answer(0, "{}")
        #expect(try harness.writtenStatuses() == [.ok])
        #expect(!harness.channel.isActive)
    }
}

/// Two endpoints whose answers the test gives by hand, and the handler between a read counter
/// and an event recorder in an embedded channel.
private final class DoorHarness {
    let channel = EmbeddedChannel()
    let reads = Counter()
    let events = Counter()
    private let calls = Calls()

    /// The endpoints' calls, in the order they started.
    private final class Calls: Sendable {
        let list = Mutex<[(request: APIRequest, handoff: ReplyHandoff)]>([])
    }

    init() throws {
        let start: Endpoint.Start = { [calls] request, handoff throws(BinanceError) in
            if request.parameters["refuse"] != nil { throw .invalidParameter("refuse") }
            calls.list.withLock { $0.append((request, handoff)) }
        }
        let direct = Endpoint(EndpointDeclaration("POST", "/direct", .none, weight: 1), direct: start)
        let other = Endpoint(EndpointDeclaration("GET", "/other", .none, weight: 1), direct: start)
        var limits = RateLimits()
        limits.enforced = false
        let gate = RequestGate(limiter: RateLimiter(limits: limits), authenticator: Authenticator(keys: []), adminToken: "t")
        let api = APIService(table: EndpointTable([direct, other]), gate: gate, metrics: APIMetrics())
        try channel.pipeline.syncOperations.addHandlers([
            ReadCounter(reads), APIChannelHandler(api: api, serverName: "Solvent"), EventRecorder(events),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 9)).wait()
    }

    var started: [String] { calls.list.withLock { $0.map(\.request.rawQuery) } }
    var bodies: [String] { calls.list.withLock { $0.map(\.request.rawBody) } }

    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String? = nil) throws {
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: method, scheme: nil, authority: nil, path: path,
                                                                  headerFields: headers)))
        if let body { try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: body))) }
        try channel.writeInbound(HTTPRequestPart.end(nil))
    }

    /// The `index`th call hands over its reply.
    func answer(_ index: Int, _ body: String) {
        let handoff = calls.list.withLock { $0[index].handoff }
        handoff(.success(Reply(Array(body.utf8))))
    }

    func passedOn() throws -> [HTTPRequestPart] {
        var parts: [HTTPRequestPart] = []
        while let part = try channel.readInbound(as: HTTPRequestPart.self) { parts.append(part) }
        return parts
    }

    func written() throws -> [HTTPResponsePart] {
        var parts: [HTTPResponsePart] = []
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) { parts.append(part) }
        return parts
    }

    func writtenStatuses() throws -> [HTTPResponse.Status] {
        try written().compactMap { part in
            if case .head(let head) = part { head.status } else { nil }
        }
    }
}

private final class Counter: Sendable {
    private let value = Mutex(0)
    var count: Int { value.withLock { $0 } }
    func increment() { value.withLock { $0 += 1 } }
}

/// Counts the reads that reach the head of the pipeline.
private final class ReadCounter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = NIOAny
    let counter: Counter
    init(_ counter: Counter) { self.counter = counter }

    func read(context: ChannelHandlerContext) {
        counter.increment()
        context.read()
    }
}

/// Counts the quiesce events that get past the handler.
private final class EventRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let counter: Counter
    init(_ counter: Counter) { self.counter = counter }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { counter.increment() }
        context.fireUserInboundEventTriggered(event)
    }
}
