import SolventWire

/// One REST endpoint: where it lives, what it requires, and what answers it.
package struct Endpoint: Sendable {
    let method: String
    let path: String
    let security: Security
    /// Starts answering an admitted request and hands the reply over exactly once (the door,
    /// `APIChannelHandler`, writes it on the connection's event loop). Order entry does its work
    /// right here on the loop and hands over when the sequencer's outcome comes back; every
    /// other endpoint runs its handler in a task.
    let start: Start

    typealias Start = @Sendable (APIRequest, @escaping ReplyHandoff) throws(BinanceError) -> Void

    /// An endpoint whose handler awaits (history, account, admin): it runs in a task of its own.
    package init(_ method: String, _ path: String, _ security: Security,
                 _ handler: @escaping @Sendable (APIRequest) async throws(BinanceError) -> Reply) {
        self.init(method, path, security, direct: { request, handoff in
            Task {
                do throws(BinanceError) {
                    handoff(.success(try await handler(request)))
                } catch {
                    handoff(.failure(error))
                }
            }
        })
    }

    /// An endpoint whose work is one command through the sequencer (order entry), written in the
    /// handoff form: no task to suspend, the answer written when the committer hands it back.
    init(_ method: String, _ path: String, _ security: Security, direct: @escaping Start) {
        self.method = method
        self.path = path
        self.security = security
        start = direct
    }

    /// The reply, awaited: for the WebSocket API and the offline admin, which have no channel.
    func reply(to request: APIRequest) async throws(BinanceError) -> Reply {
        try await awaitHandoff { handoff throws(BinanceError) in try start(request, handoff) }
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
