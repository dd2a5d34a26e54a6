import SolventCore

/// The operator surface's answers (`/admin/v1`, what `solvent admin` prints).
public enum AdminJSON {
    /// One API key as the key list shows it.
    public struct KeyListing: Sendable {
        public var apiKey: String
        public var account: AccountId
        /// `HMAC`, `ED25519` or `RSA`.
        public var type: String
        /// Comma-separated: `read,trade`.
        public var permissions: String
        public var enabled: Bool
        public var label: String
        public var createdAt: Timestamp

        public init(apiKey: String, account: AccountId, type: String, permissions: String, enabled: Bool, label: String,
                    createdAt: Timestamp) {
            (self.apiKey, self.account, self.type, self.permissions) = (apiKey, account, type, permissions)
            (self.enabled, self.label, self.createdAt) = (enabled, label, createdAt)
        }
    }

    /// `{"account":N}`: the account just opened.
    public static func account(_ account: AccountId) -> [UInt8] {
        object { $0.field("account", Int64(account)) }
    }

    /// A key just made; the secret or private key appear here only, once.
    public static func createdKey(_ key: KeyListing, secret: String?, privateKeyPEM: String?) -> [UInt8] {
        object { writer in
            writer.field("apiKey", key.apiKey)
            writer.field("account", Int64(key.account))
            writer.field("type", key.type)
            writer.field("permissions", key.permissions)
            if let secret { writer.field("secret", secret) }
            if let privateKeyPEM { writer.field("privateKey", privateKeyPEM) }
        }
    }

    public static func keys(_ keys: [KeyListing]) -> [UInt8] {
        array { writer in
            for key in keys {
                writer.object { item in
                    item.field("apiKey", key.apiKey)
                    item.field("account", Int64(key.account))
                    item.field("type", key.type)
                    item.field("permissions", key.permissions)
                    item.field("enabled", key.enabled)
                    item.field("label", key.label)
                    item.field("createdAt", key.createdAt)
                }
            }
        }
    }

    /// One balance after a deposit: `{"free","locked"}`.
    public static func balance(_ balance: Balance, scale: Scale) -> [UInt8] {
        object { writer in
            writer.decimalField("free", balance.free, scale: scale)
            writer.decimalField("locked", balance.locked, scale: scale)
        }
    }

    /// An account's balances: `[{"asset","free","locked"},…]`.
    public static func balances(_ balances: [(asset: AssetSpec, balance: Balance)]) -> [UInt8] {
        array { writer in
            for (asset, balance) in balances {
                writer.object { item in
                    item.field("asset", asset.name)
                    item.decimalField("free", balance.free, scale: asset.scale)
                    item.decimalField("locked", balance.locked, scale: asset.scale)
                }
            }
        }
    }

    private static func object(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.object(body)
        return writer.finish()
    }

    private static func array(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.array(body)
        return writer.finish()
    }
}
