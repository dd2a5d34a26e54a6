import Foundation
import SolventCore
import SolventStore
import SolventWire

/// Permission names as the admin surface spells them: "read,trade,withdraw,proof".
extension APIKeyPermissions {
    init?(names: String) {
        var permissions: APIKeyPermissions = []
        for name in names.split(separator: ",") {
            switch name.trimmingCharacters(in: .whitespaces) {
            case "read": permissions.insert(.read)
            case "trade": permissions.insert(.trade)
            case "withdraw": permissions.insert(.withdraw)
            case "proof": permissions.insert(.proof)
            case "audit": permissions.insert(.audit)
            default: return nil
            }
        }
        // An auditor reads everything and changes nothing: its key can be nothing else.
        guard !permissions.contains(.audit) || permissions == .audit else { return nil }
        self = permissions
    }

    var names: String {
        [(APIKeyPermissions.read, "read"), (.trade, "trade"), (.withdraw, "withdraw"), (.proof, "proof"), (.audit, "audit")]
            .filter { contains($0.0) }.map(\.1).joined(separator: ",")
    }
}

/// An API key as authentication uses it: the credential decrypted, ready to verify.
package struct ActiveKey: Sendable {
    let id: String
    let account: AccountId
    let credential: APIKeyCredential
    let permissions: APIKeyPermissions
    /// Empty: any IP.
    let ipAllowList: [String]
    /// `ipAllowList` parsed; an entry that parses as nothing matches nothing.
    let ipRanges: [IPRange]
    var enabled: Bool
    /// The credential ready to check requests, prepared once here rather than per request.
    let verifier: SignatureVerifier

    package init(id: String, account: AccountId, credential: APIKeyCredential, permissions: APIKeyPermissions,
         ipAllowList: [String], enabled: Bool) {
        self.id = id
        self.account = account
        self.credential = credential
        self.permissions = permissions
        self.ipAllowList = ipAllowList
        ipRanges = ipAllowList.compactMap(IPRange.init)
        self.enabled = enabled
        verifier = SignatureVerifier(credential)
    }

    func allows(ip: String) -> Bool {
        ipAllowList.isEmpty || ipRanges.contains { $0.contains(ip) }
    }
}
