import HummingbirdCore
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import SolventWire

/// The REST API's one door: answers every HTTP request right in the connection's channel
/// pipeline, through the endpoint table. The event loop parses the request, charges its weight,
/// authenticates it and starts its endpoint (`Endpoint.start`); the answer is written when the
/// endpoint hands it over: at once for a refusal, when the committer hands the outcome back on
/// this loop for order entry (`ReplyRelay`), when its task finishes for everything else.
///
/// Hummingbird's responder is reached only by a WebSocket upgrade asked on a connection that
/// already served plain HTTP (a client's pooled connection): NIO upgrades only a connection's
/// first request, so Hummingbird answers that one with a redirect to the same URI and closes,
/// and the client upgrades on a fresh connection. Every other request ends here, and costs no
/// Swift task unless its endpoint awaits.
/// One request is answered at a time per connection, so answers leave in the order requests
/// came (`HeldRequests`). A graceful shutdown's quiesce event waits for an answer in flight.
final class APIChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let api: APIService
    private let serverName: String
    private var clientIP = SolventRequestContext.clientIP(of: nil)
    private var held = HeldRequests()
    /// The request whose parts are being read.
    private var collecting: APICall?
    /// A late upgrade request went on to Hummingbird, which answers it and closes.
    private var handedOver = false
    private var quiesceWaits = false
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
        if held.answering || held.isHolding { held.hold(part) } else { take(part, context) }
    }

    private func take(_ part: HTTPRequestPart, _ context: ChannelHandlerContext) {
        if handedOver { return context.fireChannelRead(wrapInboundOut(part)) }
        switch part {
        case .head(let head) where head.headerFields[.upgrade]?.lowercased() == "websocket":
            handedOver = true
            context.fireChannelRead(wrapInboundOut(part))
        case .head(let head):
            let uri = URI(head.path ?? "")
            collecting = APICall(head: head, uri: uri, route: api.route(method: head.method, path: uri.path),
                                 started: .now)
        case .body(var buffer):
            collecting?.collect(&buffer)
        case .end:
            guard let call = collecting else { return }
            collecting = nil
            answer(call, context)
        }
    }

    // MARK: Answers out

    private func answer(_ call: APICall, _ context: ChannelHandlerContext) {
        held.answering = true
        let answer = call.answer
        guard case .endpoint(let endpoint) = call.route else {
            if case .refused(let error, _) = call.route { finish(answer, Reply(error: error), context) }
            return
        }
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        do throws(BinanceError) {
            guard !call.bodyTooLarge else { throw .invalidParameter("body") }
            let request = try api.admit(endpoint, call.head, uri: call.uri, body: call.body, clientIP: clientIP)
            let usedWeight = request.usedWeight
            try endpoint.start(request) { result in
                // Order entry hands over on this loop (`ReplyRelay`); a task's answer hops here.
                let finish: @Sendable () -> Void = {
                    bound.value.handler.finish(answer, APIService.reply(result), usedWeight: usedWeight,
                                               bound.value.context)
                }
                if loop.inEventLoop { finish() } else { loop.execute(finish) }
            }
        } catch {
            finish(answer, APIService.reply(to: error), context)
        }
    }

    private func finish(_ answer: APICall.Answer, _ reply: Reply, usedWeight: Int? = nil,
                        _ context: ChannelHandlerContext) {
        var fields = api.complete(reply, label: answer.label, method: answer.method, clientIP: clientIP,
                                  usedWeight: usedWeight, since: answer.started)
        // Without a length, NIO sends a streamed body with chunked transfer encoding.
        if reply.streamed == nil { fields.append(HTTPField(name: .contentLength, value: String(reply.body.count))) }
        fields.append(HTTPField(name: .date, value: date.text(atMilliseconds: ServerClock.milliseconds())))
        fields.append(HTTPField(name: .server, value: serverName))
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .init(code: reply.status), headerFields: fields))),
                      promise: nil)
        if let streamed = reply.streamed { return pump(streamed, answer, context) }
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: reply.body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        answered(answer, context)
    }

    /// Writes a streamed body one chunk at a time: the next chunk is made only once the socket
    /// took the one before, so a slow reader holds one chunk, not the whole export.
    private func pump(_ body: StreamedBody, _ answer: APICall.Answer, _ context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        Task {
            var complete = true
            do {
                while let chunk = try await body.next() {
                    try await loop.flatSubmit {
                        bound.value.context.writeAndFlush(bound.value.handler.wrapOutboundOut(.body(ByteBuffer(bytes: chunk))))
                    }.get()
                }
            } catch {
                complete = false
            }
            loop.execute {
                let (handler, context) = bound.value
                guard complete else { return context.close(promise: nil) }
                context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
                handler.answered(answer, context)
            }
        }
    }

    /// The answer is out: the connection closes, quiesces, or takes the next request.
    private func answered(_ answer: APICall.Answer, _ context: ChannelHandlerContext) {
        held.answering = false
        if answer.closesConnection {
            context.close(promise: nil)
        } else if quiesceWaits {
            quiesceWaits = false
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        } else {
            takeHeld(context)
        }
    }

    /// Takes held parts in order until one starts an answer; reading resumes once none is held.
    private func takeHeld(_ context: ChannelHandlerContext) {
        guard held.beginTaking() else { return }
        while !held.answering, let part = held.nextHeld() { take(part, context) }
        held.endTaking()
        if held.resumeRead() { context.read() }
    }

    // MARK: Flow control and shutdown

    /// While requests are held, no more are read: a client that pipelines cannot queue unbounded work.
    func read(context: ChannelHandlerContext) {
        if held.deferRead() { return }
        context.read()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, held.answering {
            quiesceWaits = true
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// One request while its parts are read.
private struct APICall {
    let head: HTTPRequest
    let uri: URI
    let route: APIService.Route
    let started: ContinuousClock.Instant
    private(set) var body = ByteBuffer()
    /// The body passed `APIService.bodyLimit`; the rest is dropped and the request refused.
    private(set) var bodyTooLarge = false

    /// What writing the answer needs, kept while the endpoint works.
    struct Answer: Sendable {
        let label: String
        let method: HTTPRequest.Method
        let started: ContinuousClock.Instant
        /// HTTP/1.1's rule: `Connection: close` closes after the answer.
        let closesConnection: Bool
    }

    var answer: Answer {
        let label: String
        switch route {
        case .endpoint(let endpoint): label = endpoint.declaration.metricsLabel
        case .refused(_, let refusal): label = refusal
        }
        return Answer(label: label, method: head.method, started: started,
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
