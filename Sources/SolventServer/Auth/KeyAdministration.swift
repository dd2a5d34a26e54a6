import Crypto
import Foundation
import SolventAudit
import SolventCore
import SolventStore
import SolventWire

/// Creating, listing and revoking API keys: the store keeps them (HMAC secrets sealed with the
/// master key, Ed25519 and RSA keys as public keys only), the authenticator verifies with them.
struct KeyAdministration: Sendable {
    let store: any APIKeyStore
    let masterKey: MasterKey
    let authenticator: Authenticator

    /// A new key: what the operator is shown once (the HMAC secret, or an Ed25519 private key
    /// the server generated and did not keep).
    struct Created: Sendable {
        let record: APIKeyRecord
        let secret: String?
        let privateKeyPEM: String?
    }

    /// Key types as the admin surface spells them.
    enum Kind: String, Sendable {
        case hmac = "HMAC"
        case ed25519 = "ED25519"
        case rsa = "RSA"

        init(store kind: APIKeyKind) {
            self = switch kind {
            case .hmac: .hmac
            case .ed25519: .ed25519
            case .rsa: .rsa
            }
        }

        var storeKind: APIKeyKind {
            switch self {
            case .hmac: .hmac
            case .ed25519: .ed25519
            case .rsa: .rsa
            }
        }
    }

    func create(account: AccountId, kind: Kind, publicKeyPEM: String?, permissions: APIKeyPermissions,
                ipAllowList: [String], label: String, now: Int64) throws -> Created {
        let id = RandomText.alphanumeric(64)
        var secret: String?
        var privateKeyPEM: String?
        let material: [UInt8]
        switch kind {
        case .hmac:
            secret = RandomText.alphanumeric(64)
            material = try masterKey.seal(Array(secret!.utf8), for: Self.owner(ofKey: id, account: account))
        case .ed25519:
            if let publicKeyPEM {
                guard case .ed25519(let raw) = APIKeyCredential.ed25519(publicKeyPEM: publicKeyPEM) else {
                    throw ServerError("not an Ed25519 public key (PEM)")
                }
                material = raw
            } else {
                // Generated here and shown once; only the public half is kept.
                let privateKey = Curve25519.Signing.PrivateKey()
                privateKeyPEM = Ed25519PEM.privateKeyPEM(raw: Array(privateKey.rawRepresentation))
                material = Array(privateKey.publicKey.rawRepresentation)
            }
        case .rsa:
            guard let publicKeyPEM, APIKeyCredential.rsa(publicKeyPEM: publicKeyPEM).isUsable else {
                throw ServerError("an RSA key needs its public key (PEM, 2048 bits or more)")
            }
            material = Array(publicKeyPEM.utf8)
        }
        let record = APIKeyRecord(id: id, account: account, label: label, kind: kind.storeKind, material: material,
                                  permissions: permissions, ipAllowList: ipAllowList, enabled: true,
                                  createdAt: now)
        try store.insert(record)
        authenticator.install(try activeKey(record))
        return Created(record: record, secret: secret, privateKeyPEM: privateKeyPEM)
    }

    func revoke(id: String) throws -> Bool {
        authenticator.remove(id: id)
        return try store.revoke(id: id)
    }

    func setEnabled(id: String, _ enabled: Bool) throws -> Bool {
        authenticator.setEnabled(id: id, enabled)
        return try store.setEnabled(id: id, enabled: enabled)
    }

    /// What an HMAC secret is sealed for: its key and the account it acts for, so neither a
    /// secret moved to another key's row nor a row moved to another account opens.
    static func owner(ofKey id: String, account: AccountId) -> String {
        "api-key:\(id)@account:\(account)"
    }

    /// Every stored key, decrypted for the authenticator (at start).
    func loadAll() throws -> [ActiveKey] {
        try store.allKeys().map(activeKey)
    }

    func activeKey(_ record: APIKeyRecord) throws -> ActiveKey {
        let credential: APIKeyCredential = switch record.kind {
        case .hmac: .hmac(secret: try masterKey.open(record.material, for: Self.owner(ofKey: record.id, account: record.account)))
        case .ed25519: .ed25519(publicKey: record.material)
        case .rsa: .rsa(publicKeyPEM: String(decoding: record.material, as: UTF8.self))
        }
        return ActiveKey(id: record.id, account: record.account, credential: credential,
                         permissions: record.permissions, ipAllowList: record.ipAllowList,
                         enabled: record.enabled)
    }
}
