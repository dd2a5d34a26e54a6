/// The web page's users under `/sapi/v1/solvent/user`: signing up and in (public, throttled
/// per IP, each login locked out after repeated failures), and what a signed-in browser does
/// with its session cookie: read the session, sign out, set up the second factor, manage the
/// account's API keys.
extension EndpointCatalog {
    public static let users: [EndpointDeclaration] = [
        .signUp, .logIn, .logOut, .webSession, .setUpSecondFactor, .enableSecondFactor, .disableSecondFactor,
        .createUserAPIKey, .listUserAPIKeys, .revokeUserAPIKey,
    ]
}

extension EndpointDeclaration {
    public static let signUp = user("POST", "/signup", .none)
    public static let logIn = user("POST", "/login", .none)
    public static let logOut = user("POST", "/logout", .session)
    public static let webSession = user("GET", "/session", .session)
    public static let setUpSecondFactor = user("POST", "/totp/setup", .session)
    public static let enableSecondFactor = user("POST", "/totp/enable", .session)
    public static let disableSecondFactor = user("POST", "/totp/disable", .session)
    public static let createUserAPIKey = user("POST", "/apiKey", .session)
    public static let listUserAPIKeys = user("GET", "/apiKeys", .session)
    public static let revokeUserAPIKey = user("DELETE", "/apiKey", .session)

    private static func user(_ method: String, _ path: String, _ security: SecurityType) -> EndpointDeclaration {
        EndpointDeclaration(method, proofPrefix + "/user" + path, security, weight: 1)
    }
}
