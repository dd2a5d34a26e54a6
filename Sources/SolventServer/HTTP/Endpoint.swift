import SolventWire

/// One endpoint bound to what answers it: its declaration (`EndpointCatalog`) and its handler.
package struct Endpoint: Sendable {
    package let declaration: EndpointDeclaration
    /// The declaration's, unless the binding relaxed it (the journal's records, made public).
    let security: SecurityType
    /// Starts answering an admitted request and hands the reply over exactly once (the door,
    /// `APIChannelHandler`, writes it on the connection's event loop). Order entry does its work
    /// right here on the loop and hands over when the sequencer's outcome comes back; every
    /// other endpoint runs its handler in a task.
    let start: Start

    typealias Start = @Sendable (APIRequest, @escaping ReplyHandoff) throws(BinanceError) -> Void

    var method: String { declaration.method }
    var path: String { declaration.path }

    /// Served by the admin listener and never by the public one: the operator's endpoints (as
    /// bound, so the journal's records move to the public listener when the settings make them
    /// public) and `/metrics`, which is the operator's view of the exchange's traffic.
    var onAdminListener: Bool { security == .admin || declaration == .metrics }

    /// An endpoint whose handler awaits (history, account, admin): it runs in a task of its own.
    package init(_ declaration: EndpointDeclaration,
                 _ handler: @escaping @Sendable (APIRequest) async throws(BinanceError) -> Reply) {
        self.init(declaration, security: declaration.security, handler)
    }

    /// An awaiting endpoint whose binding sets its security type (the journal's records, which
    /// the operator may make public).
    init(_ declaration: EndpointDeclaration, security: SecurityType,
         _ handler: @escaping @Sendable (APIRequest) async throws(BinanceError) -> Reply) {
        self.init(declaration, security: security, direct: { request, handoff in
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
    init(_ declaration: EndpointDeclaration, security: SecurityType? = nil, direct: @escaping Start) {
        self.declaration = declaration
        self.security = security ?? declaration.security
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

/// The bound endpoints by path and method, and by WebSocket API method name.
package struct EndpointTable: Sendable {
    private var byPath: [String: [String: Endpoint]] = [:]
    private var byWebSocketMethod: [String: Endpoint] = [:]
    /// Every endpoint, in the order bound.
    let endpoints: [Endpoint]

    /// Two endpoints on one route, or one WebSocket API name for two, are a programming error.
    package init(_ endpoints: [Endpoint]) {
        self.endpoints = endpoints
        for endpoint in endpoints {
            precondition(byPath[endpoint.path]?[endpoint.method] == nil, "\(endpoint.method) \(endpoint.path) bound twice")
            byPath[endpoint.path, default: [:]][endpoint.method] = endpoint
            guard let name = endpoint.declaration.webSocketMethod else { continue }
            precondition(byWebSocketMethod[name] == nil, "WebSocket API method \(name) bound twice")
            byWebSocketMethod[name] = endpoint
        }
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

    /// The endpoint the WebSocket API method `name` runs (`order.place`), if any.
    func endpoint(webSocketMethod name: String) -> Endpoint? {
        byWebSocketMethod[name]
    }
}
