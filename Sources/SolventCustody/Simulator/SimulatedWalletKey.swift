import Crypto
import SolventProof

/// Each simulated wallet's one key, for proof of reserves: an Ed25519 key derived from the
/// chain's and the wallet's names (never a random source, so the same chain always has the same
/// keys), and its reserve address, derived from the public key (`ReserveChallenge`), so that
/// whoever holds an attestation checks that the address is the key's.
public enum SimulatedWalletKey {
    /// The label of the wallet's reserve address (`getaddressesbylabel` finds it).
    public static let reserveLabel = "solvent-reserves"

    /// SHA256("solvent-chain-simulator-key" ‖ 0x00 ‖ symbol ‖ 0x00 ‖ wallet) as the Ed25519 seed.
    public static func privateKey(symbol: String, wallet: String) -> Curve25519.Signing.PrivateKey {
        let seed = SHA256.hash(data: Array("solvent-chain-simulator-key\u{0}\(symbol)\u{0}\(wallet)".utf8))
        // A 32-byte seed is always a valid Ed25519 private key.
        return try! Curve25519.Signing.PrivateKey(rawRepresentation: Array(seed))
    }

    public static func publicKey(symbol: String, wallet: String) -> [UInt8] {
        Array(privateKey(symbol: symbol, wallet: wallet).publicKey.rawRepresentation)
    }

    public static func reserveAddress(symbol: String, wallet: String) -> String {
        ReserveChallenge.simulatorAddress(publicKey: publicKey(symbol: symbol, wallet: wallet))
    }
}
