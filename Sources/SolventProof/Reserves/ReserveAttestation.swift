import Crypto

/// What the exchange holds per asset at an epoch, wallet by wallet, each wallet's balance signed
/// by that wallet's own key over a challenge that binds the epoch (`ReserveChallenge`), and the
/// whole signed by the exchange's key and bound to the epoch's header by its hash
/// (PROOF-FORMAT.md §11). The header's `reserves` are the sums of these balances.
public struct ReserveAttestation: Hashable, Sendable {
    public static let version: UInt16 = 1
    /// Bounds every parser's loop: wallets per asset.
    public static let walletCountMax = 64

    public var exchangeId: String
    public var epoch: UInt64
    /// The hash (§5.2) of the epoch's header, whose `reserves` this attestation backs.
    public var headerHash: Hash256
    /// In the header's asset order.
    public var assets: [AssetReserves]
    public var keyId: KeyId

    public init(exchangeId: String, epoch: UInt64, headerHash: Hash256, assets: [AssetReserves], keyId: KeyId = .zero) {
        self.exchangeId = exchangeId
        self.epoch = epoch
        self.headerHash = headerHash
        self.assets = assets
        self.keyId = keyId
    }
}

/// One asset's reserves and how they were found.
public struct AssetReserves: Hashable, Sendable {
    public enum Source: UInt8, Hashable, Sendable {
        /// The operator's figure (no chain carries the asset): a claim, with no wallet behind it.
        case configured = 0
        /// The sum of the wallets' attested balances.
        case chain = 1

        public var name: String { self == .chain ? "chain" : "configured" }
    }

    public var asset: ProofAsset
    public var source: Source
    /// The balances of the exchange's own accounts (the fee account, 0): part of the header's
    /// liabilities that no customer is owed.
    public var exchangeOwned: UInt128
    /// Empty when `source` is `.configured`.
    public var wallets: [WalletReserve]

    public init(asset: ProofAsset, source: Source, exchangeOwned: UInt128, wallets: [WalletReserve]) {
        self.asset = asset
        self.source = source
        self.exchangeOwned = exchangeOwned
        self.wallets = wallets
    }

    /// The attested balances' sum; nil on overflow (a verifier then refuses the attestation).
    public var walletTotal: UInt128? {
        var total: UInt128 = 0
        for wallet in wallets {
            let (sum, overflow) = total.addingReportingOverflow(UInt128(wallet.balance))
            if overflow { return nil }
            total = sum
        }
        return total
    }
}

/// One wallet's balance at a block, with the signature of its address's key over the challenge.
public struct WalletReserve: Hashable, Sendable {
    /// The wallet's name on its node (`hot`, `cold`).
    public var wallet: String
    public var address: String
    public var balance: UInt64
    public var height: UInt64
    public var blockHash: Hash256
    public var scheme: ReserveSignatureScheme
    /// The key the signature verifies with (32 bytes for `solvent-sim-ed25519`); empty for
    /// `bitcoin-message`, whose signature carries its key.
    public var publicKey: [UInt8]
    public var signature: [UInt8]

    public init(wallet: String, address: String, balance: UInt64, height: UInt64, blockHash: Hash256,
                scheme: ReserveSignatureScheme, publicKey: [UInt8], signature: [UInt8]) {
        self.wallet = wallet
        self.address = address
        self.balance = balance
        self.height = height
        self.blockHash = blockHash
        self.scheme = scheme
        self.publicKey = publicKey
        self.signature = signature
    }
}

/// A reserve attestation with the exchange's Ed25519 signature over
/// `"solvent-por-attestation-signature-v1" ‖ canonical bytes`.
public struct SignedReserveAttestation: Hashable, Sendable {
    public let attestation: ReserveAttestation
    public let signature: [UInt8]

    public init(attestation: ReserveAttestation, signature: [UInt8]) {
        precondition(signature.count == SignedEpochHeader.signatureByteCount, "Ed25519 signatures are 64 bytes")
        self.attestation = attestation
        self.signature = signature
    }

    public func isSigned(by publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(signature, for: attestation.signedBytes)
    }
}

extension ReserveAttestation {
    /// Sets `keyId` to `privateKey`'s and signs. Throws only if the crypto library fails.
    public func sign(with privateKey: Curve25519.Signing.PrivateKey) throws -> SignedReserveAttestation {
        var attestation = self
        attestation.keyId = KeyId(publicKey: Array(privateKey.publicKey.rawRepresentation))
        let signature = try privateKey.signature(for: attestation.signedBytes)
        return SignedReserveAttestation(attestation: attestation, signature: Array(signature))
    }

    var signedBytes: [UInt8] { ReserveChallenge.attestationSignatureTag + canonicalBytes }
}
