import Foundation

/// How a JSON-RPC client proves itself to bitcoind: HTTP basic auth with a configured user and
/// password, or with the `.cookie` file bitcoind writes at start (`__cookie__:<secret>`), read
/// again whenever the server refuses it (bitcoind writes a new one on every restart).
public enum RPCCredentials: Sendable, Hashable {
    case password(user: String, password: String)
    case cookieFile(path: String)

    public struct Unreadable: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot read the RPC cookie file \(path)" }
    }

    /// The `Authorization` header's value.
    public func authorization() throws -> String {
        let pair: String
        switch self {
        case .password(let user, let password): pair = user + ":" + password
        case .cookieFile(let path):
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  text.contains(":") else { throw Unreadable(path: path) }
            pair = text
        }
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }
}
