/// Why a reserve attestation is invalid: one case per check, in the order they run (§11.4).
public enum ReserveVerificationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case header(VerificationFailure)
    case malformedAttestation(ParseError)
    case unknownKey(KeyId)
    /// The exchange's signature over the attestation does not verify.
    case badSignature
    case exchangeMismatch
    case epochMismatch
    /// The attestation names another header's hash.
    case headerMismatch
    case assetMismatch
    /// The exchange's own accounts hold more than all liabilities: impossible in a real tree.
    case exchangeOwnedAboveLiabilities(asset: String)
    case walletsWithConfiguredReserves(asset: String)
    case noWallets(asset: String)
    case duplicateAddress(asset: String, address: String)
    /// The sum of the wallets' balances is not the header's reserves (nil: it overflows).
    case reservesMismatch(asset: String, attested: UInt128?, header: UInt128)
    /// A `solvent-sim-ed25519` address that is not derived from the entry's public key.
    case addressNotOfKey(asset: String, wallet: String)
    case badWalletSignature(asset: String, wallet: String)

    public var description: String {
        switch self {
        case .header(let failure): failure.description
        case .malformedAttestation(let error): "reserve attestation is malformed: \(error)"
        case .unknownKey(let id): "reserve attestation is signed by key \(id), not the exchange's pinned key"
        case .badSignature: "reserve attestation signature does not verify (attestation altered or wrong key)"
        case .exchangeMismatch: "attestation and header name different exchanges"
        case .epochMismatch: "attestation and header are of different epochs"
        case .headerMismatch: "attestation was made for another header"
        case .assetMismatch: "attestation's assets differ from the header's (symbols, scales or order)"
        case .exchangeOwnedAboveLiabilities(let asset): "\(asset): the exchange's own accounts exceed all liabilities"
        case .walletsWithConfiguredReserves(let asset): "\(asset): configured reserves must not list wallets"
        case .noWallets(let asset): "\(asset): reserves from the chain with no wallet"
        case .duplicateAddress(let asset, let address): "\(asset): address \(address) is counted twice"
        case .reservesMismatch(let asset, let attested, let header):
            "\(asset): the wallets hold \(attested.map { "\($0)" } ?? "more than 2^128") units, the header claims \(header)"
        case .addressNotOfKey(let asset, let wallet): "\(asset) \(wallet): the address is not derived from the public key"
        case .badWalletSignature(let asset, let wallet): "\(asset) \(wallet): the wallet's signature does not verify"
        }
    }
}
