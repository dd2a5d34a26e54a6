import Foundation
import SolventCore
import SolventStore
import SolventWire

/// The handlers of `EndpointCatalog.users`: the web page's sign-up, sign-in, session, second
/// factor and API keys. Passwords and codes travel in the form body, as the page sends them.
enum UserEndpoints {
    static func all(_ users: UserAccounts, context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.signUp) { request throws(BinanceError) in
                try requireCustomHeader(request)
                let signedIn = try await users.signUp(login: try request.parameters.required("login"),
                                                           password: try request.parameters.required("password"),
                                                           ip: request.clientIP, now: request.receivedAt)
                return reply(signedIn, request, users)
            },
            Endpoint(.logIn) { request throws(BinanceError) in
                try requireCustomHeader(request)
                let signedIn = try await users.logIn(login: try request.parameters.required("login"),
                                                          password: try request.parameters.required("password"),
                                                          totpCode: request.parameters["totpCode"], ip: request.clientIP,
                                                          now: request.receivedAt)
                return reply(signedIn, request, users)
            },
            Endpoint(.logOut) { request throws(BinanceError) in
                if let token = WebSessions.token(inCookie: request.cookie) { _ = try users.read { try users.sessions.close(token: token) } }
                var reply = Reply.empty
                reply.headers.append(users.sessions.cookie(nil, overTLS: request.overTLS))
                return reply
            },
            Endpoint(.webSession) { request throws(BinanceError) in
                let session = try Self.session(of: request)
                return Reply(sessionJSON(try users.user(session), session, request))
            },
            Endpoint(.setUpSecondFactor) { request throws(BinanceError) in
                let setup = try users.setUpSecondFactor(login: try Self.session(of: request).login)
                return Reply(UserJSON.secondFactorSetup(secret: setup.secret, uri: setup.uri))
            },
            Endpoint(.enableSecondFactor) { request throws(BinanceError) in
                try users.enableSecondFactor(login: try Self.session(of: request).login,
                                             code: try request.parameters.required("totpCode"), now: request.receivedAt)
                return .empty
            },
            Endpoint(.disableSecondFactor) { request throws(BinanceError) in
                try users.disableSecondFactor(login: try Self.session(of: request).login,
                                              code: try request.parameters.required("totpCode"), now: request.receivedAt)
                return .empty
            },
        ] + UserKeyEndpoints.all(users, context: context)
    }

    static func session(of request: APIRequest) throws(BinanceError) -> SessionRecord {
        guard let session = request.session else { throw .notSignedIn }
        return session
    }

    /// Sign-up and sign-in have no session yet, so no CSRF token: they must carry the header all
    /// the same, which a form on another site cannot add (so it cannot sign a visitor in as
    /// someone else). And the password goes in the body: a query string ends up in logs.
    private static func requireCustomHeader(_ request: APIRequest) throws(BinanceError) {
        guard let value = request.csrfToken, !value.isEmpty else { throw .badCSRFToken }
        if try RequestParameters(rawQuery: request.rawQuery, rawBody: "").contains("password") {
            throw .invalidParameter("password")
        }
    }

    private static func reply(_ signedIn: UserAccounts.SignedIn, _ request: APIRequest, _ users: UserAccounts) -> Reply {
        var reply = Reply(UserJSON.session(login: signedIn.user.login, account: signedIn.user.account,
                                           csrfToken: WebSessions.csrfToken(forSession: signedIn.token),
                                           secondFactor: signedIn.user.totpEnabled, expiresAt: signedIn.session.expiresAt))
        reply.headers.append(users.sessions.cookie(signedIn.token, overTLS: request.overTLS))
        return reply
    }

    private static func sessionJSON(_ user: UserRecord, _ session: SessionRecord, _ request: APIRequest) -> [UInt8] {
        let token = WebSessions.token(inCookie: request.cookie) ?? ""
        return UserJSON.session(login: user.login, account: user.account, csrfToken: WebSessions.csrfToken(forSession: token),
                                secondFactor: user.totpEnabled, expiresAt: session.expiresAt)
    }
}
