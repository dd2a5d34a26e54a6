import HummingbirdCore
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import SolventWire

/// Answers the endpoints written in the direct form (order entry, see `Endpoint.direct`) right
/// in the connection's channel pipeline, and passes every other request on to Hummingbird.
///
/// Hummingbird serves a connection from a Swift task, which suspends while its handler awaits
/// the sequencer; for an order, the task switches and Hummingbird's per-request machinery cost
/// about as much CPU as the order's own work (`solvent bench-http` shows both). Here the
/// request's parts are collected, the order is checked and submitted on the event loop, and the
/// answer is written when the sequencer hands the outcome back on the same loop.
///
/// Answers leave in the order their requests came (`ConnectionTurns`). A graceful shutdown's
/// quiesce event waits for an answer in flight, so the connection is not closed under it.
final class DirectEndpointHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let api: APIService
    private let serverName: String
    private var clientIP = SolventRequestContext.clientIP(of: nil)
    private var turns = ConnectionTurns()
    /// The direct request whose parts are being read.
    private var collecting: DirectCall?
    private var quiesceWaits = false
    private var passedSinceReadComplete = false
    private var date = HTTPDate()

    init(api: APIService, serverName: String) {
        self.api = api
        self.serverName = serverName
    }

    /// Hummingbird adds the handler to a connected channel, after its first request's head.
    func handlerAdded(context: ChannelHandlerContext) {
        clientIP = SolventRequestContext.clientIP(of: context.channel.remoteAddress)
    }

    func channelActive(context: ChannelHandlerContext) {
        clientIP = SolventRequestContext.clientIP(of: context.channel.remoteAddress)
        context.fireChannelActive()
    }

    // MARK: Requests in

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if turns.isHolding || !take(part, context) { turns.hold(part) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        passedSinceReadComplete = false
        context.fireChannelReadComplete()
    }

    /// Handles `part`, or returns false when it is a request's head that must wait its turn.
    private func take(_ part: HTTPRequestPart, _ context: ChannelHandlerContext) -> Bool {
        switch part {
        case .head(let head):
            let call = directCall(head)
            guard turns.mayStart(direct: call != nil) else { return false }
            if let call {
                collecting = call
            } else {
                turns.passedOn()
                pass(part, context)
            }
        case .body(var buffer):
            guard var call = collecting else { pass(part, context); break }
            collecting = nil
            call.collect(&buffer)
            collecting = call
        case .end:
            guard let call = collecting else { pass(part, context); break }
            collecting = nil
            answer(call, context)
        }
        return true
    }

    private func pass(_ part: HTTPRequestPart, _ context: ChannelHandlerContext) {
        passedSinceReadComplete = true
        context.fireChannelRead(wrapInboundOut(part))
    }

    /// The call when `head` is for an endpoint with a direct form.
    private func directCall(_ head: HTTPRequest) -> DirectCall? {
        let uri = URI(head.path ?? "")
        guard case .endpoint(let endpoint) = api.route(method: head.method, path: uri.path),
              let direct = endpoint.direct else { return nil }
        return DirectCall(head: head, uri: uri, endpoint: endpoint, direct: direct, started: .now)
    }

    // MARK: Answers out

    private func answer(_ call: DirectCall, _ context: ChannelHandlerContext) {
        turns.answering = true
        let answer = call.answer
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        do throws(BinanceError) {
            guard !call.bodyTooLarge else { throw .invalidParameter("body") }
            let request = try api.admit(call.endpoint, call.head, uri: call.uri, body: call.body, clientIP: clientIP)
            try call.direct(request) { result in
                // Handoffs come on this loop (`ReplyRelay`); hop only if one ever does not.
                let finish: @Sendable () -> Void = {
                    bound.value.handler.finish(answer, APIService.reply(result), bound.value.context)
                }
                if loop.inEventLoop { finish() } else { loop.execute(finish) }
            }
        } catch {
            finish(answer, APIService.reply(to: error), context)
        }
    }

    private func finish(_ answer: DirectCall.Answer, _ reply: Reply, _ context: ChannelHandlerContext) {
        var fields = api.complete(reply, label: answer.label, method: answer.method, clientIP: clientIP,
                                  since: answer.started)
        fields.append(HTTPField(name: .contentLength, value: String(reply.body.count)))
        fields.append(HTTPField(name: .date, value: date.text(atMilliseconds: ServerClock.milliseconds())))
        fields.append(HTTPField(name: .server, value: serverName))
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .init(code: reply.status), headerFields: fields))),
                      promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: reply.body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        turns.answering = false
        if answer.closesConnection {
            context.close(promise: nil)
        } else if quiesceWaits {
            quiesceWaits = false
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        } else {
            takeHeld(context)
        }
    }

    /// Hummingbird's answers pass here on their way out; the end of one may let held requests go.
    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        if case .end = unwrapOutboundIn(data) {
            turns.passedOnAnswered()
            takeHeld(context)
        }
    }

    /// Takes held parts in order until one must wait again; reading resumes once none is held.
    private func takeHeld(_ context: ChannelHandlerContext) {
        guard turns.beginTaking() else { return }
        while let part = turns.nextHeld() {
            guard take(part, context) else {
                turns.putBack(part)
                break
            }
        }
        turns.endTaking()
        if passedSinceReadComplete {
            passedSinceReadComplete = false
            context.fireChannelReadComplete()
        }
        if turns.resumeRead() { context.read() }
    }

    // MARK: Flow control and shutdown

    /// While requests are held, no more are read: a client that pipelines cannot queue unbounded work.
    func read(context: ChannelHandlerContext) {
        if turns.deferRead() { return }
        context.read()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, turns.answering {
            quiesceWaits = true
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// A direct endpoint's request while its parts are read.
private struct DirectCall {
    let head: HTTPRequest
    let uri: URI
    let endpoint: Endpoint
    let direct: Endpoint.DirectHandler
    let started: ContinuousClock.Instant
    private(set) var body = ByteBuffer()
    /// The body passed `APIService.bodyLimit`; the rest is dropped and the request refused.
    private(set) var bodyTooLarge = false

    /// What writing the answer needs, kept while the handler works.
    struct Answer: Sendable {
        let label: String
        let method: HTTPRequest.Method
        let started: ContinuousClock.Instant
        /// Hummingbird's rule for the requests it answers: `Connection: close` closes after the answer.
        let closesConnection: Bool
    }

    var answer: Answer {
        Answer(label: endpoint.declaration.metricsLabel, method: head.method, started: started,
               closesConnection: head.headerFields[.connection] == "close")
    }

    mutating func collect(_ buffer: inout ByteBuffer) {
        guard !bodyTooLarge else { return }
        guard body.readableBytes + buffer.readableBytes <= APIService.bodyLimit else {
            bodyTooLarge = true
            body.clear()
            return
        }
        body.writeBuffer(&buffer)
    }
}
