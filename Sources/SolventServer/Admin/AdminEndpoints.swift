import SolventCore
import SolventStore
import SolventWire

/// The operator's HTTP surface under `/admin/v1`, loopback only and behind the admin token;
/// `solvent admin` talks to it while the server runs.
enum AdminEndpoints {
    static func all(_ operations: AdminOperations) -> [Endpoint] {
        [
            Endpoint("POST", "/admin/v1/account", .admin) { _ throws(BinanceError) in
                let account = try await operations.openAccount()
                return Reply(object { $0.field("account", Int64(account)) })
            },
            Endpoint("POST", "/admin/v1/apiKey", .admin) { request throws(BinanceError) in
                try await createKey(request, operations)
            },
            Endpoint("GET", "/admin/v1/apiKeys", .admin) { request throws(BinanceError) in
                try listKeys(request, operations)
            },
            Endpoint("DELETE", "/admin/v1/apiKey", .admin) { request throws(BinanceError) in
                let revoked = (try? operations.context.keys.revoke(id: try request.parameters.required("apiKey"))) ?? false
                guard revoked else { throw .invalidParameter("apiKey") }
                return .empty
            },
            Endpoint("POST", "/admin/v1/apiKey/enabled", .admin) { request throws(BinanceError) in
                guard let enabled = try request.parameters.bool("enabled") else { throw .mandatoryParameter("enabled") }
                let changed = (try? operations.context.keys.setEnabled(id: try request.parameters.required("apiKey"),
                                                                       enabled)) ?? false
                guard changed else { throw .invalidParameter("apiKey") }
                return .empty
            },
            Endpoint("POST", "/admin/v1/deposit", .admin) { request throws(BinanceError) in
                let account = try accountParameter(request)
                let balance = try await operations.deposit(account: account, asset: try request.parameters.required("asset"),
                                                           amount: try request.parameters.required("amount"))
                let (_, spec) = try operations.asset(named: try request.parameters.required("asset"))
                return Reply(object { writer in
                    writer.decimalField("free", balance.free, scale: spec.scale)
                    writer.decimalField("locked", balance.locked, scale: spec.scale)
                })
            },
            Endpoint("GET", "/admin/v1/balances", .admin) { request throws(BinanceError) in
                let balances = try await operations.balances(account: try accountParameter(request))
                return Reply(array { writer in
                    for (asset, balance) in balances {
                        writer.object { item in
                            item.field("asset", asset.name)
                            item.decimalField("free", balance.free, scale: asset.scale)
                            item.decimalField("locked", balance.locked, scale: asset.scale)
                        }
                    }
                })
            },
            Endpoint("POST", "/admin/v1/asset", .admin) { request throws(BinanceError) in
                let scale = try request.parameters.int("scale") ?? Int(AssetSpec.defaultScale)
                guard (0...Int(AssetSpec.scaleMax)).contains(scale) else { throw .invalidParameter("scale") }
                try await operations.listAsset(name: try request.parameters.required("name"), scale: Scale(scale))
                return .empty
            },
            Endpoint("POST", "/admin/v1/market", .admin) { request throws(BinanceError) in
                try await operations.listMarket(try MarketRequest.spec(request.parameters, operations))
                return .empty
            },
            Endpoint("POST", "/admin/v1/market/status", .admin) { request throws(BinanceError) in
                let status: MarketStatus = switch try request.parameters.required("status") {
                case "TRADING": .trading
                case "HALT": .halt
                case "BREAK": .breakStatus
                default: throw .invalidParameter("status")
                }
                try await operations.setStatus(symbol: try request.parameters.required("symbol"), status)
                return .empty
            },
        ]
    }

    private static func createKey(_ request: APIRequest, _ operations: AdminOperations) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let account = try accountParameter(request)
        guard let kind = KeyAdministration.Kind(rawValue: parameters["type"] ?? "HMAC") else { throw .invalidParameter("type") }
        guard let permissions = APIKeyPermissions(names: parameters["permissions"] ?? "read,trade") else {
            throw .invalidParameter("permissions")
        }
        let ips = (parameters["ipAllowList"] ?? "").split(separator: ",").map(String.init)
        let created: KeyAdministration.Created
        do {
            created = try operations.context.keys.create(
                account: account, kind: kind, publicKeyPEM: parameters["publicKey"], permissions: permissions,
                ipAllowList: ips, label: parameters["label"] ?? "", now: request.receivedAt)
        } catch {
            throw BinanceError(code: -1130, message: "Cannot create the key: \(error)")
        }
        return Reply(object { writer in
            writer.field("apiKey", created.record.id)
            writer.field("account", Int64(account))
            writer.field("type", kind.rawValue)
            writer.field("permissions", permissions.names)
            if let secret = created.secret { writer.field("secret", secret) }
            if let pem = created.privateKeyPEM { writer.field("privateKey", pem) }
        })
    }

    private static func listKeys(_ request: APIRequest, _ operations: AdminOperations) throws(BinanceError) -> Reply {
        let account = try request.parameters.int64("account").map { AccountId(truncatingIfNeeded: $0) }
        let records: [APIKeyRecord]
        do {
            records = try account.map { try operations.context.keys.store.keys(account: $0) }
                ?? operations.context.keys.store.allKeys()
        } catch {
            throw .unknown("cannot read the keys: \(error)")
        }
        return Reply(array { writer in
            for record in records {
                writer.object { item in
                    item.field("apiKey", record.id)
                    item.field("account", Int64(record.account))
                    item.field("type", KeyAdministration.Kind(store: record.kind).rawValue)
                    item.field("permissions", record.permissions.names)
                    item.field("enabled", record.enabled)
                    item.field("label", record.label)
                    item.field("createdAt", record.createdAt)
                }
            }
        })
    }

    static func accountParameter(_ request: APIRequest) throws(BinanceError) -> AccountId {
        guard let value = try request.parameters.int64("account"), value > 0, value <= Int64(UInt32.max) else {
            throw .mandatoryParameter("account")
        }
        return AccountId(value)
    }

    static func object(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.object(body)
        return writer.finish()
    }

    static func array(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.array(body)
        return writer.finish()
    }
}
