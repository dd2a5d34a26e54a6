import Foundation
import SolventCore
import SolventCustody
import SolventProof

/// Reads an epoch's reserves from the chains (PROOF-FORMAT.md §11): for every asset a chain
/// carries (`chain.url`), each of its wallets (`hot`, `cold`) reports its balance confirmed at the
/// tip and signs the challenge that binds it to the epoch. A wallet the node does not hold (a
/// cold wallet kept offline) is left out, which can only understate the reserves. An asset no
/// chain carries keeps the operator's configured figure, marked as such.
struct ReserveAttestor: Sendable {
    static let walletNames = ["hot", "cold"]
    /// bitcoind's "Requested wallet does not exist or is not loaded".
    static let walletNotFoundCode: Int64 = -18

    private let endpoints: ChainEndpoints?
    private let cookieFile: String

    init(_ configuration: ServerConfiguration) throws {
        let hasChains = FileManager.default.fileExists(atPath: configuration.chainURLsFile)
        endpoints = hasChains ? try ChainEndpoints.read(from: configuration.chainURLsFile) : nil
        cookieFile = configuration.chainCookieFile
    }

    /// What the epoch after `previousHeaderHash` attests per asset, and the header's reserves:
    /// the wallets' sum, or `configured` where no chain carries the asset.
    func attest(_ assets: [ProofAsset], exchangeOwned: [UInt128], configured: [UInt128], exchangeId: String, epoch: UInt64,
                previousHeaderHash: Hash256) async throws -> (assets: [AssetReserves], reserves: [UInt128]) {
        precondition(assets.count == exchangeOwned.count && assets.count == configured.count, "one figure per asset")
        var attested: [AssetReserves] = []
        var reserves: [UInt128] = []
        for (at, asset) in assets.enumerated() {
            let adapters = Self.walletNames.compactMap { name in
                endpoints?.adapter(symbol: asset.symbol, wallet: name, cookieFile: cookieFile, scale: Scale(asset.scale))
                    .map { (name, $0) }
            }
            guard !adapters.isEmpty else {
                attested.append(AssetReserves(asset: asset, source: .configured, exchangeOwned: exchangeOwned[at], wallets: []))
                reserves.append(configured[at])
                continue
            }
            var wallets: [WalletReserve] = []
            for (name, adapter) in adapters {
                do {
                    wallets.append(try await Self.wallet(name, adapter, asset: asset.symbol, exchangeId: exchangeId, epoch: epoch,
                                                         previousHeaderHash: previousHeaderHash))
                } catch JSONRPCClient.Failure.rpc(let code, _) where code == Self.walletNotFoundCode {
                    continue
                }
            }
            let entry = AssetReserves(asset: asset, source: .chain, exchangeOwned: exchangeOwned[at], wallets: wallets)
            guard !wallets.isEmpty, let total = entry.walletTotal else {
                throw ServerError("the chain of \(asset.symbol) has none of the wallets \(Self.walletNames)")
            }
            attested.append(entry)
            reserves.append(total)
        }
        return (attested, reserves)
    }

    /// One wallet's balance at the tip and its key's signature over the challenge, checked here
    /// already when this side can (an Ed25519 key), so a bad signature is never published.
    private static func wallet(_ name: String, _ adapter: any ChainAdapter, asset: String, exchangeId: String, epoch: UInt64,
                               previousHeaderHash: Hash256) async throws -> WalletReserve {
        let key = try await adapter.reserveKey()
        let confirmed = try await adapter.confirmedBalance()
        guard let balance = UInt64(exactly: confirmed.balance),
              case .success(let hashBytes) = Hex.decode(confirmed.tip.blockHash, byteCount: Hash256.byteCount),
              let blockHash = Hash256(bytes: hashBytes), confirmed.tip.height >= 0,
              ReserveChallenge.isValidAddress(Array(key.address.utf8)) else {
            throw ServerError("the chain of \(asset) answered a negative balance, a malformed block hash or address")
        }
        let challenge = ReserveChallenge.text(exchangeId: exchangeId, epoch: epoch, previousHeaderHash: previousHeaderHash,
                                              asset: asset, wallet: name, address: key.address, balance: balance,
                                              height: UInt64(confirmed.tip.height), blockHash: blockHash)
        let signed = try await adapter.sign(message: challenge, address: key.address)
        guard let signature = Data(base64Encoded: signed).map(Array.init), signature.count == key.scheme.signatureByteCount else {
            throw ServerError("the \(name) wallet of \(asset) answered a signature that is not \(key.scheme.rawValue)")
        }
        let entry = WalletReserve(wallet: name, address: key.address, balance: balance, height: UInt64(confirmed.tip.height),
                                  blockHash: blockHash, scheme: key.scheme, publicKey: key.publicKey, signature: signature)
        if key.scheme == .simulatorEd25519 {
            guard ReserveChallenge.checkSimulator(entry, challenge: challenge) == .valid else {
                throw ServerError("the \(name) wallet of \(asset) signed the reserve challenge with another key")
            }
        }
        return entry
    }
}
