import Crypto

/// How a wallet's key signs its part of a reserve attestation.
public enum ReserveSignatureScheme: String, Hashable, Sendable, CaseIterable {
    /// `solvent chain`'s wallets: Ed25519 over the challenge's bytes; the address is derived from
    /// the public key (`ReserveChallenge.simulatorAddress`), so anyone can check both here.
    case simulatorEd25519 = "solvent-sim-ed25519"
    /// Bitcoin Core's `signmessage`: a 65-byte compact secp256k1 signature over the "Bitcoin
    /// Signed Message" digest of the challenge. swift-crypto has no secp256k1, so this verifier
    /// cannot check it; `bitcoin-cli verifymessage` can, and the report says so.
    case bitcoinMessage = "bitcoin-message"

    public var publicKeyByteCount: Int { self == .simulatorEd25519 ? 32 : 0 }
    public var signatureByteCount: Int { self == .simulatorEd25519 ? 64 : 65 }
}

/// The text a wallet's key signs, and the simulator's address rule (PROOF-FORMAT.md §11.2).
public enum ReserveChallenge {
    static let attestationSignatureTag = Array("solvent-por-attestation-signature-v1".utf8)
    static let challengePrefix = "solvent-reserves-v1"
    static let simulatorAddressPrefix = "sim1"
    /// Longest address accepted (bech32 addresses are at most 90 characters).
    public static let addressLengthMax = 100

    /// One line of ASCII: everything the signature must bind. `previous` is the previous
    /// epoch's header hash (zero before the first), which nobody knows before that epoch is
    /// published, so a signature cannot be made ahead for a future epoch.
    public static func text(exchangeId: String, epoch: UInt64, previousHeaderHash: Hash256, asset: String, wallet: String,
                            address: String, balance: UInt64, height: UInt64, blockHash: Hash256) -> String {
        "\(challengePrefix) exchange=\(exchangeId) epoch=\(epoch) previous=\(previousHeaderHash.hex) asset=\(asset)"
            + " wallet=\(wallet) address=\(address) balance=\(balance) height=\(height) block=\(blockHash.hex)"
    }

    /// The challenge of one wallet entry of `attestation`, in the epoch after `previousHeaderHash`.
    public static func text(for wallet: WalletReserve, asset: String, in attestation: ReserveAttestation,
                            previousHeaderHash: Hash256) -> String {
        text(exchangeId: attestation.exchangeId, epoch: attestation.epoch, previousHeaderHash: previousHeaderHash,
             asset: asset, wallet: wallet.wallet, address: wallet.address, balance: wallet.balance,
             height: wallet.height, blockHash: wallet.blockHash)
    }

    /// `"sim1"` ‖ the first 20 bytes of SHA256(public key), in hex: the simulator's wallet
    /// address for an Ed25519 key, so the address names the key that signs for it.
    public static func simulatorAddress(publicKey: [UInt8]) -> String {
        let digest = publicKey.withUnsafeBytes { sha256($0) }.bytes
        return simulatorAddressPrefix + Hex.encode(Array(digest.prefix(20)))
    }

    /// What checking a `solvent-sim-ed25519` entry against its challenge finds.
    public enum SimulatorCheck: Hashable, Sendable { case valid, addressNotOfKey, badSignature }

    /// The entry's address must be its key's, and the signature that key's over `challenge`.
    public static func checkSimulator(_ wallet: WalletReserve, challenge: String) -> SimulatorCheck {
        guard simulatorAddress(publicKey: wallet.publicKey) == wallet.address else { return .addressNotOfKey }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: wallet.publicKey),
              key.isValidSignature(wallet.signature, for: Array(challenge.utf8)) else { return .badSignature }
        return .valid
    }

    /// Addresses are ASCII letters and digits (base58, bech32, hex), 1 to `addressLengthMax`.
    public static func isValidAddress(_ text: some Collection<UInt8>) -> Bool {
        (1...addressLengthMax).contains(text.count)
            && text.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
