import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
@testable import SolventServer
import SolventWire
import Synchronization
import Testing

/// The handler that answers direct endpoints in the channel pipeline: it answers them itself,
/// passes everything else on untouched, and keeps answers in the order requests came, holding
/// (and not reading) while an earlier answer is still to be written.
@Suite struct DirectEndpointHandlerTests {
    @Test func aDirectRequestIsAnsweredInThePipeline() throws {
        let harness = try DirectHarness()
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

    @Test func otherRequestsPassOnUntouched() throws {
        let harness = try DirectHarness()
        try harness.send(.get, "/other?x=1", body: "b=2")
        let parts = try harness.passedOn()
        guard parts.count == 3, case .head(let head) = parts[0], case .body(let body) = parts[1], case .end = parts[2]
        else { Issue.record("not passed on whole: \(parts)"); return }
        #expect(head.path == "/other?x=1")
        #expect(String(buffer: body) == "b=2")
        #expect(try harness.written().isEmpty)
        #expect(harness.started.isEmpty)
    }

    @Test func aDirectRequestWaitsForTheAnswerToAnEarlierPassedOnOne() throws {
        let harness = try DirectHarness()
        try harness.send(.get, "/other")
        try harness.send(.post, "/direct?n=1")
        #expect(harness.started.isEmpty)
        try harness.answerPassedOn()
        #expect(harness.started == ["n=1"])
        harness.answer(0, "{}")
        #expect(try harness.writtenStatuses() == [.accepted, .ok])
    }

    @Test func nothingStartsWhileADirectRequestIsAnswered() throws {
        let harness = try DirectHarness()
        try harness.send(.post, "/direct?n=1")
        try harness.send(.get, "/other")
        try harness.send(.post, "/direct?n=2")
        #expect(try harness.passedOn().isEmpty)
        #expect(harness.started == ["n=1"])
        harness.channel.read()
        #expect(harness.reads.count == 0, "no read while requests are held")
        harness.answer(0, "{}")
        #expect(try harness.passedOn().count == 2, "the held request went on, head and end")
        #expect(harness.started == ["n=1"], "the second direct one waits for the passed-on answer")
        #expect(harness.reads.count == 0, "one request is still held")
        try harness.answerPassedOn()
        #expect(harness.started == ["n=1", "n=2"])
        #expect(harness.reads.count == 1, "the deferred read went once nothing was held")
        harness.answer(1, "{}")
        #expect(try harness.writtenStatuses() == [.ok, .accepted, .ok])
    }

    @Test func aRequestRefusedAtOnceIsAnsweredInItsTurn() throws {
        let harness = try DirectHarness()
        try harness.send(.post, "/direct?n=1")
        try harness.send(.post, "/direct?refuse=1")
        try harness.send(.get, "/other")
        harness.answer(0, "{}")
        #expect(harness.started == ["n=1"])
        #expect(try harness.passedOn().count == 2)
        let written = try harness.written()
        guard case .head(let refused) = written[3], case .body(let body) = written[4] else {
            Issue.record("no refusal: \(written)"); return
        }
        #expect(refused.status.code == 400)
        #expect(String(buffer: body) == #"{"code":-1130,"msg":"Data sent for parameter 'refuse' is not valid."}"#)
    }

    @Test func theBodyReachesTheHandlerAndAnOversizedOneIsRefused() throws {
        let harness = try DirectHarness()
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
        let harness = try DirectHarness()
        try harness.send(.post, "/direct?n=1")
        harness.channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(harness.events.count == 0)
        harness.answer(0, "{}")
        #expect(harness.events.count == 1)
    }

    @Test func connectionCloseClosesAfterTheAnswer() throws {
        let harness = try DirectHarness()
        try harness.send(.post, "/direct?n=1", headers: [.connection: "close"])
        #expect(harness.channel.isActive)
        harness.answer(0, "{}")
        #expect(try harness.writtenStatuses() == [.ok])
        #expect(!harness.channel.isActive)
    }
}

/// A direct endpoint whose answers the test gives by hand, an endpoint for Hummingbird, and
/// the handler between a read counter and an event recorder in an embedded channel.
private final class DirectHarness {
    let channel = EmbeddedChannel()
    let reads = Counter()
    let events = Counter()
    private let calls = Calls()

    /// The direct endpoint's calls, in the order they started.
    private final class Calls: Sendable {
        let list = Mutex<[(request: APIRequest, handoff: ReplyHandoff)]>([])
    }

    init() throws {
        let direct = Endpoint(EndpointDeclaration("POST", "/direct", .none, weight: 1), direct: { [calls] request, handoff throws(BinanceError) in
            if request.parameters["refuse"] != nil { throw .invalidParameter("refuse") }
            calls.list.withLock { $0.append((request, handoff)) }
        })
        let other = Endpoint(EndpointDeclaration("GET", "/other", .none, weight: 1)) { _ in .empty }
        var limits = RateLimits()
        limits.enforced = false
        let gate = RequestGate(limiter: RateLimiter(limits: limits), authenticator: Authenticator(keys: []), adminToken: "t")
        let api = APIService(table: EndpointTable([direct, other]), gate: gate, metrics: APIMetrics())
        try channel.pipeline.syncOperations.addHandlers([
            ReadCounter(reads), DirectEndpointHandler(api: api, serverName: "Solvent"), EventRecorder(events),
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

    /// The direct handler's `index`th call hands over its reply.
    func answer(_ index: Int, _ body: String) {
        let handoff = calls.list.withLock { $0[index].handoff }
        handoff(.success(Reply(Array(body.utf8))))
    }

    /// Hummingbird answering the oldest request passed on to it (202, to tell it apart).
    func answerPassedOn() throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .accepted)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
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
