/// A request id as the client sent it (spec §6.3), echoed back with its JSON type: an integer,
/// a string (binance-sdk-spot sends UUIDs, ccxt `"1"`), or null.
public enum WebSocketAPIRequestId: Equatable, Sendable {
    case int(Int64)
    case string(String)
    case null

    /// Longest string id accepted: a UUID is 36 characters.
    public static let stringLengthMax = 36

    public func write(to writer: inout JSONWriter) {
        switch self {
        case .int(let value): writer.int(value)
        case .string(let value): writer.string(value)
        case .null: writer.null()
        }
    }
}

/// One WebSocket API request frame: `{"id":…,"method":"…","params":{…}}` (spec §6.3).
///
/// Parameter values keep the text the client signed: strings unescaped, numbers and booleans as
/// spelled (`0.01000000` stays that, never a binary float), arrays as their raw JSON (`symbols`).
/// `null` reads as an empty value, which the parameter accessors refuse as Binance does.
public struct WebSocketAPIRequest: Equatable, Sendable {
    public var id: WebSocketAPIRequestId
    public var method: String
    public var params: [Param]

    public struct Param: Equatable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A request that cannot be read, with whatever id could be read before the problem.
    public struct Malformed: Error, Equatable {
        public var id: WebSocketAPIRequestId
        public var error: BinanceError
    }

    /// Parses a text frame; checks run as the fields come: JSON, id, method, params.
    public static func parse(_ text: String) -> Result<WebSocketAPIRequest, Malformed> {
        var scanner = JSONScanner(text)
        guard let fields = scanner.topLevelObject() else { return .failure(Malformed(id: .null, error: .invalidJSON)) }
        var id = WebSocketAPIRequestId.null
        switch fields.first(where: { $0.name == "id" })?.value {
        case nil, .null?: break
        case .number(let spelling)?:
            guard let value = Int64(spelling) else { return .failure(Malformed(id: .null, error: .invalidJSON(parameter: "id"))) }
            id = .int(value)
        case .string(let value)? where value.utf8.count <= WebSocketAPIRequestId.stringLengthMax:
            id = .string(value)
        default:
            return .failure(Malformed(id: .null, error: .invalidJSON(parameter: "id")))
        }
        guard case .string(let method)? = fields.first(where: { $0.name == "method" })?.value, !method.isEmpty else {
            return .failure(Malformed(id: id, error: .mandatoryParameter("method")))
        }
        var params: [Param] = []
        switch fields.first(where: { $0.name == "params" })?.value {
        case nil, .null?: break
        case .object(let members, _)?: params = members.map { Param(name: $0.name, value: $0.value.text) }
        default: return .failure(Malformed(id: id, error: .invalidJSON(parameter: "params")))
        }
        return .success(WebSocketAPIRequest(id: id, method: method, params: params))
    }
}
