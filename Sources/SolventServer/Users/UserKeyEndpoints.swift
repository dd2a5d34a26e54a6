import Foundation
import SolventCore
import SolventStore
import SolventWire

/// The account's API keys from the page: created (HMAC, with permissions and an IP
/// allow-list, the secret shown once) only with a good second-factor code, listed, revoked. A new
/// key is a security change: the account's withdrawals lock first.
enum UserKeyEndpoints {
    static func all(_ users: UserAccounts, context: ServerContext) -> [Endpoint] {
        let keys = context.keys
        return [
            Endpoint(.createUserAPIKey) { request throws(BinanceError) in
                let session = try UserEndpoints.session(of: request)
                let parameters = request.parameters
                // An auditor's key is the operator's to give, never a user's to make.
                guard let permissions = APIKeyPermissions(names: parameters["permissions"] ?? "read"), !permissions.isEmpty,
                      !permissions.contains(.audit) else { throw .invalidParameter("permissions") }
                let ips = try allowList(parameters["ipAllowList"] ?? "")
                let label = parameters["label"] ?? ""
                guard label.utf8.count <= APIKeyRecord.labelLengthMax else { throw .invalidParameter("label") }
                try users.checkSecondFactor(login: session.login, code: parameters["totpCode"], now: request.receivedAt)
                try await context.lockWithdrawals(of: session.account)
                let created: KeyAdministration.Created
                do {
                    created = try keys.create(account: session.account, kind: .hmac, publicKeyPEM: nil,
                                              permissions: permissions, ipAllowList: ips, label: label,
                                              now: request.receivedAt)
                } catch {
                    throw BinanceError(code: -1130, message: "Cannot create the key: \(error)")
                }
                return Reply(UserJSON.createdKey(listing(created.record), secret: created.secret ?? ""))
            },
            Endpoint(.listUserAPIKeys) { request throws(BinanceError) in
                let account = try UserEndpoints.session(of: request).account
                return Reply(UserJSON.keys(try users.read { try keys.store.keys(account: account) }.map(listing)))
            },
            Endpoint(.revokeUserAPIKey) { request throws(BinanceError) in
                let account = try UserEndpoints.session(of: request).account
                let id = try request.parameters.required("apiKey")
                // Another account's key is refused exactly like a missing one.
                guard try users.read({ try keys.store.key(id: id) })?.account == account,
                      try users.read({ try keys.revoke(id: id) })
                else { throw .invalidParameter("apiKey") }
                return .empty
            },
        ]
    }

    private static func listing(_ record: APIKeyRecord) -> UserJSON.Key {
        UserJSON.Key(apiKey: record.id, label: record.label, permissions: record.permissions.names,
                     ipAllowList: record.ipAllowList, enabled: record.enabled, createdAt: record.createdAt)
    }

    /// Comma-separated IPv4 or IPv6 addresses (what `ActiveKey.allows` matches), at most
    /// `APIKeyRecord.ipAllowListCountMax`; empty means any address.
    static func allowList(_ text: String) throws(BinanceError) -> [String] {
        let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard entries.count <= APIKeyRecord.ipAllowListCountMax, entries.allSatisfy(isAddress) else {
            throw .invalidParameter("ipAllowList")
        }
        return entries
    }

    private static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
