/// A request id as the client sent it, echoed back with its JSON type (spec §5.2): a signed
/// 64-bit integer, a string of at most 36 characters (binance-sdk-spot sends UUIDs), or null.
public enum ControlRequestId: Equatable, Sendable {
    case int(Int64)
    case string(String)
    case null

    public static let stringLengthMax = 36
}

/// One control message from a client of the market streams (spec §5.2).
public struct ControlRequest: Equatable, Sendable {
    public enum Method: Equatable, Sendable {
        case subscribe([String])
        case unsubscribe([String])
        case listSubscriptions
        case setProperty(String, Bool)
        case getProperty(String)
    }

    public var id: ControlRequestId
    public var method: Method

    public init(id: ControlRequestId, method: Method) {
        self.id = id
        self.method = method
    }
}

/// A control message that cannot be served, with Binance's code and message.
public struct ControlFailure: Error, Equatable {
    public var code: Int64
    public var message: String
    public var id: ControlRequestId

    public static func invalidJSON(_ id: ControlRequestId = .null) -> ControlFailure {
        ControlFailure(code: 3, message: "Invalid JSON: expected value at line 1 column 1", id: id)
    }

    public static func invalidRequest(_ detail: String, _ id: ControlRequestId = .null) -> ControlFailure {
        ControlFailure(code: 2, message: "Invalid request: \(detail)", id: id)
    }

    public static func unknownProperty(_ id: ControlRequestId) -> ControlFailure {
        ControlFailure(code: 0, message: "Unknown property", id: id)
    }

    public static func expectedBoolean(_ id: ControlRequestId) -> ControlFailure {
        ControlFailure(code: 1, message: "Invalid value type: expected Boolean", id: id)
    }
}

extension ControlRequest {
    public static let methods = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`"
    /// Longest stream name accepted (a listen key is 60 characters; symbols are short).
    public static let streamNameLengthMax = 200

    /// Parses a text frame. Checks run in Binance's order: JSON, id, method, parameters.
    public static func parse(_ text: String) -> Result<ControlRequest, ControlFailure> {
        guard case .object(let fields)? = ControlJSON.parse(text) else { return .failure(.invalidJSON()) }
        let id: ControlRequestId
        switch fields["id"] {
        case .int(let value)?: id = .int(value)
        case .string(let value)? where value.count <= ControlRequestId.stringLengthMax: id = .string(value)
        case .null?: id = .null
        default: return .failure(.invalidRequest("request ID must be an unsigned integer"))
        }
        guard let methodValue = fields["method"] else { return .failure(.invalidRequest("missing field `method`", id)) }
        guard case .string(let name) = methodValue else {
            return .failure(.invalidRequest("unknown variant, expected one of \(methods)", id))
        }
        let params = fields["params"]
        let method: Result<Method, ControlFailure>
        switch name {
        case "SUBSCRIBE": method = streamNames(params, id).map(Method.subscribe)
        case "UNSUBSCRIBE": method = streamNames(params, id).map(Method.unsubscribe)
        case "LIST_SUBSCRIPTIONS": method = .success(.listSubscriptions)
        case "SET_PROPERTY": method = setProperty(params, id)
        case "GET_PROPERTY": method = getProperty(params, id)
        default: return .failure(.invalidRequest("unknown variant `\(name)`, expected one of \(methods)", id))
        }
        return method.map { ControlRequest(id: id, method: $0) }
    }

    private static func streamNames(_ params: ControlJSON?, _ id: ControlRequestId) -> Result<[String], ControlFailure> {
        guard case .array(let values)? = params else { return .failure(.invalidRequest("invalid stream", id)) }
        var names: [String] = []
        for value in values {
            guard case .string(let name) = value, isPlausibleStreamName(name) else {
                return .failure(.invalidRequest("invalid stream", id))
            }
            names.append(name)
        }
        return .success(names)
    }

    /// Non-empty, bounded, printable ASCII without spaces or quotes: anything else cannot be a
    /// stream or a listen key. Names we do not serve are accepted and carry no data (spec §5.1).
    public static func isPlausibleStreamName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= streamNameLengthMax
            && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    private static func setProperty(_ params: ControlJSON?, _ id: ControlRequestId) -> Result<Method, ControlFailure> {
        guard case .array(let values)? = params, let first = values.first else {
            return .failure(.invalidRequest("property name must be a string", id))
        }
        guard values.count <= 2 else { return .failure(.invalidRequest("too many parameters", id)) }
        guard case .string(let property) = first else { return .failure(.invalidRequest("property name must be a string", id)) }
        guard property == "combined" else { return .failure(.unknownProperty(id)) }
        guard values.count == 2, case .bool(let value) = values[1] else { return .failure(.expectedBoolean(id)) }
        return .success(.setProperty(property, value))
    }

    private static func getProperty(_ params: ControlJSON?, _ id: ControlRequestId) -> Result<Method, ControlFailure> {
        guard case .array(let values)? = params, let first = values.first else {
            return .failure(.invalidRequest("property name must be a string", id))
        }
        guard values.count == 1 else { return .failure(.invalidRequest("too many parameters", id)) }
        guard case .string(let property) = first else { return .failure(.invalidRequest("property name must be a string", id)) }
        guard property == "combined" else { return .failure(.unknownProperty(id)) }
        return .success(.getProperty(property))
    }
}
