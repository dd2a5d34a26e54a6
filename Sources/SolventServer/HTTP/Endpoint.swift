import SolventWire

/// One REST endpoint: where it lives, what it requires, and what answers it.
package struct Endpoint: Sendable {
    let method: String
    let path: String
    let security: Security
    let handler: @Sendable (APIRequest) async throws(BinanceError) -> Reply
    /// The same handler without a task to suspend, for endpoints whose work is one command through
    /// the sequencer (order entry): it checks the request, starts the work and hands the reply
    /// over later, on the event loop it ran on. The HTTP server answers these straight from the
    /// connection's channel pipeline (`DirectEndpointHandler`); `nil` for every other endpoint.
    let direct: DirectHandler?

    typealias DirectHandler = @Sendable (APIRequest, @escaping ReplyHandoff) throws(BinanceError) -> Void

    package init(_ method: String, _ path: String, _ security: Security,
         _ handler: @escaping @Sendable (APIRequest) async throws(BinanceError) -> Reply) {
        self.method = method
        self.path = path
        self.security = security
        self.handler = handler
        direct = nil
    }

    /// An endpoint written in the direct form; its awaitable form (for the WebSocket API, and
    /// for Hummingbird's responder) waits for the handoff.
    init(_ method: String, _ path: String, _ security: Security, direct: @escaping DirectHandler) {
        self.method = method
        self.path = path
        self.security = security
        self.direct = direct
        handler = { request throws(BinanceError) in
            try await awaitHandoff { handoff throws(BinanceError) in try direct(request, handoff) }
        }
    }
}

/// How work that finishes later hands over its result: exactly once.
typealias Handoff<Value> = @Sendable (Result<Value, BinanceError>) -> Void
typealias ReplyHandoff = Handoff<Reply>

/// Awaits work written in the handoff style: `start` either throws at once or hands over once.
func awaitHandoff<Value: Sendable>(_ start: (@escaping Handoff<Value>) throws(BinanceError) -> Void)
    async throws(BinanceError) -> Value {
    let result: Result<Value, BinanceError> = await withCheckedContinuation { continuation in
        do throws(BinanceError) {
            try start { continuation.resume(returning: $0) }
        } catch {
            continuation.resume(returning: .failure(error))
        }
    }
    return try result.get()
}

/// The endpoints by path and method.
package struct EndpointTable: Sendable {
    private var byPath: [String: [String: Endpoint]] = [:]

    package init(_ endpoints: [Endpoint]) {
        for endpoint in endpoints { byPath[endpoint.path, default: [:]][endpoint.method] = endpoint }
    }

    package enum Lookup {
        case found(Endpoint)
        case unknownPath
        case wrongMethod
    }

    package func lookup(method: String, path: String) -> Lookup {
        guard let methods = byPath[path] else { return .unknownPath }
        guard let endpoint = methods[method] else { return .wrongMethod }
        return .found(endpoint)
    }
}
