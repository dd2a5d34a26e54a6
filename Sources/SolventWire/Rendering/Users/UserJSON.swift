import SolventCore

/// The web page's user answers (`/sapi/v1/solvent/user`).
public enum UserJSON {
    /// The signed-in session: who, which account, the CSRF token to send with every change,
    /// whether the second factor is on, and when the session ends (ms).
    public static func session(login: String, account: AccountId, csrfToken: String, secondFactor: Bool,
                               expiresAt: Timestamp) -> [UInt8] {
        object { writer in
            writer.field("login", login)
            writer.field("account", Int64(account))
            writer.field("csrfToken", csrfToken)
            writer.field("totpEnabled", secondFactor)
            writer.field("expiresAt", expiresAt)
        }
    }

    /// A second factor being set up: the secret in base 32 and its `otpauth://` URI.
    public static func secondFactorSetup(secret: String, uri: String) -> [UInt8] {
        object { writer in
            writer.field("secret", secret)
            writer.field("uri", uri)
        }
    }

    /// One of the account's API keys as the page lists it; `secret` only in the answer that
    /// created it, the one time it is shown.
    public struct Key: Sendable {
        public var apiKey: String
        public var label: String
        /// Comma-separated: `read,trade`.
        public var permissions: String
        public var ipAllowList: [String]
        public var enabled: Bool
        public var createdAt: Timestamp

        public init(apiKey: String, label: String, permissions: String, ipAllowList: [String], enabled: Bool,
                    createdAt: Timestamp) {
            (self.apiKey, self.label, self.permissions, self.ipAllowList) = (apiKey, label, permissions, ipAllowList)
            (self.enabled, self.createdAt) = (enabled, createdAt)
        }
    }

    public static func createdKey(_ key: Key, secret: String) -> [UInt8] {
        object { writer in
            write(key, to: &writer)
            writer.field("secret", secret)
        }
    }

    public static func keys(_ keys: [Key]) -> [UInt8] {
        var writer = JSONWriter()
        writer.array { writer in
            for key in keys { writer.object { write(key, to: &$0) } }
        }
        return writer.finish()
    }

    private static func write(_ key: Key, to writer: inout JSONWriter) {
        writer.field("apiKey", key.apiKey)
        writer.field("label", key.label)
        writer.field("permissions", key.permissions)
        writer.key("ipAllowList")
        writer.array { list in for ip in key.ipAllowList { list.string(ip) } }
        writer.field("enabled", key.enabled)
        writer.field("createdAt", key.createdAt)
    }

    private static func object(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.object(body)
        return writer.finish()
    }
}
