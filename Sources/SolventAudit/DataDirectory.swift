import Foundation

/// Where everything lives in a data directory: the one definition that the server, the
/// operator's commands and the offline audit all read.
public struct DataDirectory: Sendable {
    public let path: String
    /// The key that seals HMAC, TOTP and proof secrets at rest, when the operator names its file;
    /// otherwise it lives beside the directory (see `masterKey`).
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
    /// The master key's file: `masterKeyPath`, or `<data>.master.key` beside the directory. Not
    /// inside it, so that one copy of the directory never carries both the sealed secrets and the
    /// key that opens them. A key left inside by an older Solvent is refused unless named.
    public var masterKey: String {
        get throws {
            if let masterKeyPath { return masterKeyPath }
            let inside = path + "/master.key"
            guard !FileManager.default.fileExists(atPath: inside) else {
                throw AuditFileError("\(inside) is inside the data directory, where one backup holds both the sealed "
                    + "secrets and their key: move it to \(besideDirectory) or name it with --master-key")
            }
            return besideDirectory
        }
    }

    /// `<parent>/<name>.master.key`, the directory's own name so that two exchanges on one host
    /// never share a key.
    private var besideDirectory: String {
        let directory = URL(fileURLWithPath: path).standardizedFileURL
        return directory.deletingLastPathComponent().appendingPathComponent(directory.lastPathComponent + ".master.key").path
    }
    public var adminToken: String { path + "/admin.token" }
    public var history: String { path + "/history.sqlite" }
    /// Surveillance's alerts, daily reports and the last sequence it examined.
    public var surveillance: String { path + "/surveillance.sqlite" }
    public var keys: String { path + "/keys.sqlite" }
    /// The web page's users (logins, password hashes, second factors) and their sessions.
    public var users: String { path + "/users.sqlite" }
    /// The running server's public URL.
    public var serverURL: String { path + "/server.url" }
    /// Where `solvent admin` and `solvent epoch` find the running server: its admin listener.
    public var adminURL: String { path + "/admin.url" }
    /// The auditors' access log, hash-chained (`AccessLog`).
    public var auditAccessLog: String { path + "/audit/access.log" }
    /// Where the exchange finds `solvent chain`: one line per asset, `SYMBOL URL`.
    public var chainURLs: String { path + "/chain.url" }
    /// The chain's RPC cookie (`__cookie__:<secret>`), as bitcoind writes `.cookie`.
    public var chainCookie: String { path + "/chain.cookie" }
}
