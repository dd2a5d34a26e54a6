import Foundation

/// The demo's accounts and keys: made once through the admin endpoint (listings, accounts,
/// deposits, keys, as an operator would with `solvent admin`) and kept in `<data>/demo.json`,
/// so a second run resumes the same exchange with the same keys.
struct DemoCrew: Sendable {
    let maker: DemoKey
    let takers: [DemoKey]
    let visitor: DemoKey
    /// The page's user the demo prints, so a newcomer can sign in on the page.
    var login: DemoLogin?

    static func file(_ directory: String) -> String { directory + "/demo.json" }

    /// The crew of an existing demo, or a new exchange set up from nothing.
    static func openOrCreate(_ client: DemoClient, directory: String) async throws -> DemoCrew {
        if let data = FileManager.default.contents(atPath: file(directory)) {
            guard var crew = decode(data) else { throw DemoFailure("\(file(directory)) is damaged; start over with --reset") }
            // A demo made before it had a page user gets one now.
            if crew.login == nil {
                crew.login = try await DemoLogin.signUp(client)
                try crew.encoded().write(to: URL(fileURLWithPath: file(directory)), options: .atomic)
            }
            return crew
        }
        let listed = try await client.get("/api/v3/exchangeInfo", []).object["symbols"] as? [Any] ?? []
        guard listed.isEmpty else {
            throw DemoFailure("\(directory) holds an exchange that is not a demo (no demo.json); use another --data or --reset")
        }
        for asset in DemoListing.assets { _ = try await client.admin("POST", "/admin/v1/asset", [("name", asset), ("scale", "8")]) }
        for market in DemoListing.all {
            _ = try await client.admin("POST", "/admin/v1/market", [
                ("symbol", market.symbol), ("baseAsset", market.base), ("quoteAsset", market.quote),
                ("tickSize", market.tickSize), ("stepSize", market.stepSize), ("minNotional", market.minNotional),
            ])
        }
        // The visitor's key is the one printed for the page: it may also fetch the proof secret,
        // so "Verify my assets" works; the bots' keys only read and trade.
        let crew = DemoCrew(maker: try await account(client, DemoFunding.maker),
                            takers: try await (0..<DemoFunding.takerCount).asyncMap { _ in try await account(client, DemoFunding.taker) },
                            visitor: try await account(client, DemoFunding.visitor, permissions: "read,trade,proof"),
                            login: try await DemoLogin.signUp(client))
        try crew.encoded().write(to: URL(fileURLWithPath: file(directory)), options: .atomic)
        return crew
    }

    /// Deposits `funding` into `account` through the admin endpoint.
    static func fund(_ client: DemoClient, _ account: Int64, _ funding: [(String, String)]) async throws {
        for (asset, amount) in funding {
            _ = try await client.admin("POST", "/admin/v1/deposit", [("account", String(account)), ("asset", asset), ("amount", amount)])
        }
    }

    private static func account(_ client: DemoClient, _ funding: [(String, String)],
                                permissions: String = "read,trade") async throws -> DemoKey {
        guard let account = try await client.admin("POST", "/admin/v1/account").object["account"] as? Int else {
            throw DemoFailure("the admin endpoint gave no account")
        }
        try await fund(client, Int64(account), funding)
        let key = try await client.admin("POST", "/admin/v1/apiKey", [("account", String(account)), ("type", "HMAC"), ("permissions", permissions)]).object
        guard let apiKey = key["apiKey"] as? String, let secret = key["secret"] as? String else {
            throw DemoFailure("the admin endpoint gave no API key")
        }
        return DemoKey(apiKey: apiKey, secret: secret, account: Int64(account))
    }

    private func encoded() throws -> Data {
        func entry(_ key: DemoKey) -> [String: Any] { ["apiKey": key.apiKey, "secret": key.secret, "account": key.account] }
        var object: [String: Any] = ["maker": entry(maker), "takers": takers.map(entry), "visitor": entry(visitor)]
        if let login { object["login"] = ["login": login.login, "password": login.password, "account": login.account] }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    private static func decode(_ data: Data) -> DemoCrew? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func key(_ value: Any?) -> DemoKey? {
            guard let entry = value as? [String: Any], let apiKey = entry["apiKey"] as? String,
                  let secret = entry["secret"] as? String, let account = entry["account"] as? Int else { return nil }
            return DemoKey(apiKey: apiKey, secret: secret, account: Int64(account))
        }
        guard let maker = key(object["maker"]), let visitor = key(object["visitor"]),
              let takers = (object["takers"] as? [Any])?.compactMap(key), !takers.isEmpty else { return nil }
        var login: DemoLogin?
        if let entry = object["login"] as? [String: Any], let name = entry["login"] as? String,
           let password = entry["password"] as? String, let account = entry["account"] as? Int {
            login = DemoLogin(login: name, password: password, account: Int64(account))
        }
        return DemoCrew(maker: maker, takers: takers, visitor: visitor, login: login)
    }
}

/// The page's demo user: signed up through the page's own sign-up, as a newcomer would, and
/// funded like the visitor's key.
struct DemoLogin: Sendable {
    static let name = "demo"

    let login: String
    let password: String
    let account: Int64

    static func signUp(_ client: DemoClient) async throws -> DemoLogin {
        var random = SystemRandomNumberGenerator()
        let password = String(format: "%016llx", random.next())
        let account = try await client.signUp(login: name, password: password)
        try await DemoCrew.fund(client, account, DemoFunding.visitor)
        return DemoLogin(login: name, password: password, account: account)
    }
}

private extension Range where Bound == Int {
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for index in self { results.append(try await transform(index)) }
        return results
    }
}
