import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SolventServer

/// What the web page does against a `TestServer`, by hand: form posts, the session cookie it was
/// given (no cookie jar: the tests choose exactly which cookie and CSRF token each request sends).
struct PageBrowser: Sendable {
    let server: TestServer
    var cookie: String?
    var csrfToken: String?
    var account: Int?

    init(_ server: TestServer) {
        self.server = server
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()

    /// Signs up (or in, with `path` "login"), keeping the cookie and CSRF token it answers with.
    mutating func enter(_ path: String, login: String, password: String, totpCode: String? = nil,
                        headers: [String: String] = [WebSessions.csrfHeader: "1"]) async throws -> HTTPAnswer {
        var form = ["login": login, "password": password]
        if let totpCode { form["totpCode"] = totpCode }
        let answer = try await send("POST", "/sapi/v1/solvent/user/" + path, form: form, headers: headers, session: false)
        if answer.status == 200 {
            cookie = answer.sessionCookie
            let json = answer.json as? [String: Any]
            csrfToken = json?["csrfToken"] as? String
            account = json?["account"] as? Int
        }
        return answer
    }

    /// A request with this browser's cookie and (unless told otherwise) its CSRF token.
    func send(_ method: String, _ path: String, form: [String: String] = [:], query: [String: String] = [:],
              headers: [String: String] = [:], session: Bool = true, csrf: String?? = .none) async throws -> HTTPAnswer {
        let queryText = TestServer.query(query)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)\(path)\(queryText.isEmpty ? "" : "?" + queryText)")!)
        request.httpMethod = method
        if session, let cookie { request.setValue("\(WebSessions.cookieName)=\(cookie)", forHTTPHeaderField: "Cookie") }
        let token: String? = switch csrf {
        case .none: session ? csrfToken : nil
        case .some(let chosen): chosen
        }
        if let token { request.setValue(token, forHTTPHeaderField: WebSessions.csrfHeader) }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !form.isEmpty {
            request.httpBody = Data(TestServer.query(form).utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        return HTTPAnswer(status: http.statusCode, data: data,
                          headers: http.allHeaderFields.reduce(into: [:]) { $0["\($1.key)".lowercased()] = "\($1.value)" })
    }
}

extension HTTPAnswer {
    /// The session token a `Set-Cookie` header gives, if any.
    var sessionCookie: String? {
        guard let header = headers["set-cookie"] else { return nil }
        return WebSessions.token(inCookie: header.split(separator: ";").first.map(String.init))
    }

    var object: [String: Any] { json as? [String: Any] ?? [:] }
}
