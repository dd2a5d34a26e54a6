import SolventCore
import SolventStore
import SolventWire

/// The operator's HTTP surface under `/admin/v1`, on the admin listener only and behind the
/// admin token; `solvent admin` talks to it while the server runs.
enum AdminEndpoints {
    static func all(_ operations: AdminOperations) -> [Endpoint] {
        [
            Endpoint(.openAccount) { _ throws(BinanceError) in
                let account = try await operations.openAccount()
                return Reply(AdminJSON.account(account))
            },
            Endpoint(.createAPIKey) { request throws(BinanceError) in
                try await createKey(request, operations)
            },
            Endpoint(.listAPIKeys) { request throws(BinanceError) in
                try listKeys(request, operations)
            },
            Endpoint(.revokeAPIKey) { request throws(BinanceError) in
                let revoked = (try? operations.context.keys.revoke(id: try request.parameters.required("apiKey"))) ?? false
                guard revoked else { throw .invalidParameter("apiKey") }
                return .empty
            },
            Endpoint(.enableAPIKey) { request throws(BinanceError) in
                guard let enabled = try request.parameters.bool("enabled") else { throw .mandatoryParameter("enabled") }
                let id = try request.parameters.required("apiKey")
                // Re-enabled, a key acts for its account again: a security change, locked first.
                guard let key = try? operations.context.keys.store.key(id: id) else { throw .invalidParameter("apiKey") }
                if enabled && !key.enabled { try await operations.context.lockWithdrawals(of: key.account) }
                let changed = (try? operations.context.keys.setEnabled(id: id, enabled)) ?? false
                guard changed else { throw .invalidParameter("apiKey") }
                return .empty
            },
            Endpoint(.deposit) { request throws(BinanceError) in
                let account = try accountParameter(request)
                let balance = try await operations.deposit(account: account, asset: try request.parameters.required("asset"),
                                                           amount: try request.parameters.required("amount"))
                let (_, spec) = try operations.asset(named: try request.parameters.required("asset"))
                return Reply(AdminJSON.balance(balance, scale: spec.scale))
            },
            Endpoint(.balances) { request throws(BinanceError) in
                let balances = try await operations.balances(account: try accountParameter(request))
                return Reply(AdminJSON.balances(balances))
            },
            Endpoint(.listAsset) { request throws(BinanceError) in
                let scale = try request.parameters.int("scale") ?? Int(AssetSpec.defaultScale)
                guard (0...Int(AssetSpec.scaleMax)).contains(scale) else { throw .invalidParameter("scale") }
                try await operations.listAsset(name: try request.parameters.required("name"), scale: Scale(scale))
                return .empty
            },
            Endpoint(.listMarket) { request throws(BinanceError) in
                try await operations.listMarket(try MarketRequest.spec(request.parameters, operations))
                return .empty
            },
            Endpoint(.setMarketStatus) { request throws(BinanceError) in
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
        guard ips.allSatisfy({ IPRange($0) != nil }) else { throw .invalidParameter("ipAllowList") }
        try await operations.requireAccount(account)
        // A new key is a security change: the account's withdrawals lock before the key exists.
        try await operations.context.lockWithdrawals(of: account)
        let created: KeyAdministration.Created
        do {
            created = try operations.context.keys.create(
                account: account, kind: kind, publicKeyPEM: parameters["publicKey"], permissions: permissions,
                ipAllowList: ips, label: parameters["label"] ?? "", now: request.receivedAt)
        } catch {
            throw BinanceError(code: -1130, message: "Cannot create the key: \(error)")
        }
        return Reply(AdminJSON.createdKey(listing(created.record), secret: created.secret,
                                          privateKeyPEM: created.privateKeyPEM))
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
        return Reply(AdminJSON.keys(records.map(listing)))
    }

    private static func listing(_ record: APIKeyRecord) -> AdminJSON.KeyListing {
        AdminJSON.KeyListing(apiKey: record.id, account: record.account,
                             type: KeyAdministration.Kind(store: record.kind).rawValue,
                             permissions: record.permissions.names, enabled: record.enabled, label: record.label,
                             createdAt: record.createdAt)
    }

    static func accountParameter(_ request: APIRequest) throws(BinanceError) -> AccountId {
        guard let value = try request.parameters.int64("account"), value > 0, value <= Int64(UInt32.max) else {
            throw .mandatoryParameter("account")
        }
        return AccountId(value)
    }
}
