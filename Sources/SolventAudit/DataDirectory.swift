/// Where everything lives in a data directory: the one definition that the server, the
/// operator's commands and the offline audit all read.
public struct DataDirectory: Sendable {
    public let path: String
    /// The key that encrypts HMAC secrets and proof keys at rest; default `<data>/master.key`.
    public var masterKeyPath: String?

    public init(_ path: String, masterKeyPath: String? = nil) {
        self.path = path
        self.masterKeyPath = masterKeyPath
    }

    public var journal: String { path + "/journal" }
    /// The journal's Merkle log (leaf hashes).
    public var merkle: String { path + "/merkle" }
    /// Keys, epochs and reserves of proof of liabilities.
    public var proof: String { path + "/proof" }
    public var epochs: String { proof + "/epochs" }
    public var masterKey: String { masterKeyPath ?? path + "/master.key" }
    public var adminToken: String { path + "/admin.token" }
    public var history: String { path + "/history.sqlite" }
    public var keys: String { path + "/keys.sqlite" }
    /// The web page's users (logins, password hashes, second factors) and their sessions.
    public var users: String { path + "/users.sqlite" }
    /// The running server's public URL.
    public var serverURL: String { path + "/server.url" }
    /// Where `solvent admin` and `solvent epoch` find the running server: its admin listener.
    public var adminURL: String { path + "/admin.url" }
    /// Where the exchange finds `solvent chain`: one line per asset, `SYMBOL URL`.
    public var chainURLs: String { path + "/chain.url" }
    /// The chain's RPC cookie (`__cookie__:<secret>`), as bitcoind writes `.cookie`.
    public var chainCookie: String { path + "/chain.cookie" }
}
