import Synchronization

/// Bitcoin Core's JSON-RPC 1.0 dialect: `{"jsonrpc":"1.0","id":n,"method":m,"params":[...]}`
/// answered by `{"result":...,"error":null|{"code":c,"message":m},"id":n}`. bitcoind answers an
/// RPC error with HTTP 500 (or 404 for an unknown method) and the same body, and a refused
/// password with a bare 401.
public final class JSONRPCClient: Sendable {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The server refused the credentials.
        case unauthorized
        /// The method ran and answered an error.
        case rpc(code: Int64, message: String)
        /// The reply is not a JSON-RPC reply.
        case malformed(String)

        public var description: String {
            switch self {
            case .unauthorized: "the chain's RPC refused our credentials (HTTP 401)"
            case .rpc(let code, let message): "chain RPC error \(code): \(message)"
            case .malformed(let what): "malformed chain RPC reply: \(what)"
            }
        }
    }

    private let poster: any HTTPPoster
    private let path: String
    private let credentials: RPCCredentials
    private let nextId = Atomic<Int64>(1)

    /// `path` is `/` for node calls and `/wallet/<name>` for a wallet's.
    public init(poster: any HTTPPoster, path: String = "/", credentials: RPCCredentials) {
        self.poster = poster
        self.path = path
        self.credentials = credentials
    }

    public func call(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        let id = nextId.add(1, ordering: .relaxed).oldValue
        let request = JSONValue.object([("jsonrpc", .string("1.0")), ("id", .number("\(id)")),
                                        ("method", .string(method)), ("params", .array(params))])
        let reply = try await poster.post(path: path, body: Array(request.encoded().utf8),
                                          headers: [("Authorization", try credentials.authorization())])
        if reply.status == 401 || reply.status == 403 { throw Failure.unauthorized }
        let document: JSONValue
        do {
            document = try JSONValue.parse(reply.body)
        } catch {
            throw Failure.malformed("HTTP \(reply.status), \(error)")
        }
        if let error = document["error"], !error.isNull {
            throw Failure.rpc(code: error["code"]?.int ?? 0, message: error["message"]?.string ?? error.encoded())
        }
        guard let result = document["result"] else { throw Failure.malformed("no result (HTTP \(reply.status))") }
        return result
    }
}
