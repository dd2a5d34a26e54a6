import SolventWire

/// One REST endpoint: where it lives, what it requires, and what answers it.
struct Endpoint: Sendable {
    let method: String
    let path: String
    let security: Security
    let handler: @Sendable (APIRequest) async throws(BinanceError) -> Reply

    init(_ method: String, _ path: String, _ security: Security,
         _ handler: @escaping @Sendable (APIRequest) async throws(BinanceError) -> Reply) {
        self.method = method
        self.path = path
        self.security = security
        self.handler = handler
    }
}

/// The endpoints by path and method.
struct EndpointTable: Sendable {
    private var byPath: [String: [String: Endpoint]] = [:]

    init(_ endpoints: [Endpoint]) {
        for endpoint in endpoints { byPath[endpoint.path, default: [:]][endpoint.method] = endpoint }
    }

    enum Lookup {
        case found(Endpoint)
        case unknownPath
        case wrongMethod
    }

    func lookup(method: String, path: String) -> Lookup {
        guard let methods = byPath[path] else { return .unknownPath }
        guard let endpoint = methods[method] else { return .wrongMethod }
        return .found(endpoint)
    }
}
