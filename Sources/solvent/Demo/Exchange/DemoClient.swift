import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One API key of the demo's traders: what any Binance client holds.
struct DemoKey: Sendable {
    let apiKey: String
    let secret: String
    let account: Int64
}

/// An answer from the server: the status and the JSON body, already parsed.
struct DemoAnswer: @unchecked Sendable {   // the body is read-only JSON from JSONSerialization
    let status: Int
    let body: Any?

    var object: [String: Any] { body as? [String: Any] ?? [:] }
    /// Binance's error code, when the answer is one.
    var code: Int? { object["code"] as? Int }
}

/// The demo's traders talk to the exchange as any client does: signed REST requests over
/// loopback (HMAC-SHA256 of the query, `X-MBX-APIKEY`), and the operator's setup through the
/// admin listener with the token from the data directory, like `solvent admin`.
struct DemoClient: Sendable {
    let base: String
    /// The admin listener's URL.
    let adminBase: String
    let adminToken: String

    func admin(_ method: String, _ path: String, _ parameters: [(String, String)] = []) async throws -> DemoAnswer {
        let answer = try await send(method, adminBase + path, query: Self.query(parameters),
                                    headers: ["X-Solvent-Admin-Token": adminToken])
        guard answer.status == 200 else {
            throw DemoFailure("\(method) \(path) answered \(answer.status): \(answer.object["msg"] ?? "")")
        }
        return answer
    }

    func signed(_ method: String, _ path: String, _ parameters: [(String, String)], key: DemoKey) async throws -> DemoAnswer {
        let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
        let query = Self.query(parameters + [("timestamp", String(timestamp))])
        let mac = HMAC<SHA256>.authenticationCode(for: Data(query.utf8), using: SymmetricKey(data: Data(key.secret.utf8)))
        let signature = mac.map { String(format: "%02x", $0) }.joined()
        return try await send(method, base + path, query: query + "&signature=" + signature,
                              headers: ["X-MBX-APIKEY": key.apiKey])
    }

    /// The page's sign-up (`/sapi/v1/solvent/user/signup`), as the page sends it: the form in the
    /// body and the header a form on another site cannot add. The new user's account.
    func signUp(login: String, password: String) async throws -> Int64 {
        let form = Self.query([("login", login), ("password", password)])
        let answer = try await send("POST", base + "/sapi/v1/solvent/user/signup", query: "",
                                    headers: ["X-Solvent-CSRF": "1", "Content-Type": "application/x-www-form-urlencoded"],
                                    body: Data(form.utf8))
        guard answer.status == 200, let account = answer.object["account"] as? Int else {
            throw DemoFailure("the page's sign-up answered \(answer.status): \(answer.object["msg"] ?? "")")
        }
        return Int64(account)
    }

    func get(_ path: String, _ parameters: [(String, String)]) async throws -> DemoAnswer {
        try await send("GET", base + path, query: Self.query(parameters), headers: [:])
    }

    /// `target` is the URL without its query.
    private func send(_ method: String, _ target: String, query: String, headers: [String: String],
                      body: Data? = nil) async throws -> DemoAnswer {
        guard let url = URL(string: target + (query.isEmpty ? "" : "?" + query)) else {
            throw DemoFailure("bad URL \(target)")
        }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return DemoAnswer(status: status, body: try? JSONSerialization.jsonObject(with: data))
    }

    static func query(_ parameters: [(String, String)]) -> String {
        parameters.map { "\($0.0)=\(AdminTarget.encode($0.1))" }.joined(separator: "&")
    }
}

struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
