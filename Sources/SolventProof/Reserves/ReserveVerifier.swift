import Crypto

/// Checks a reserve attestation against its epoch's header (PROOF-FORMAT.md §11.4): the header's
/// and the attestation's signatures with the pinned key, that the attestation is the header's,
/// every wallet signature this verifier can check, and that the wallets' balances add up to the
/// header's reserves.
extension ProofVerifier {
    public func verifyReserves(attestation attestationText: [UInt8],
                               header headerText: [UInt8]) throws(ReserveVerificationFailure) -> ReserveReport {
        let signed: SignedEpochHeader
        do { signed = try SignedEpochHeader(json: headerText) } catch { throw .header(.malformedHeader(error)) }
        do { try checkSignature(signed) } catch { throw .header(error) }
        let attested: SignedReserveAttestation
        do { attested = try SignedReserveAttestation(json: attestationText) } catch { throw .malformedAttestation(error) }
        let attestation = attested.attestation
        guard attestation.keyId == keyId else { throw .unknownKey(attestation.keyId) }
        guard attested.isSigned(by: publicKey) else { throw .badSignature }
        let header = signed.header
        guard attestation.exchangeId == header.exchangeId else { throw .exchangeMismatch }
        guard attestation.epoch == header.epoch else { throw .epochMismatch }
        guard attestation.headerHash == signed.hash else { throw .headerMismatch }
        guard attestation.assets.map(\.asset) == header.assets else { throw .assetMismatch }
        let lines = try header.solvency.indices.map { (at: Int) throws(ReserveVerificationFailure) -> ReserveLine in
            try Self.check(attestation.assets[at], against: header.solvency[at], in: attestation,
                           previousHeaderHash: header.previousHeaderHash)
        }
        return ReserveReport(header: header, headerHash: signed.hash, lines: lines)
    }

    private static func check(_ reserves: AssetReserves, against solvency: AssetSolvency, in attestation: ReserveAttestation,
                              previousHeaderHash: Hash256) throws(ReserveVerificationFailure) -> ReserveLine {
        let symbol = reserves.asset.symbol
        guard reserves.exchangeOwned <= solvency.liabilities else { throw .exchangeOwnedAboveLiabilities(asset: symbol) }
        var checks: [WalletCheck] = []
        switch reserves.source {
        case .configured:
            guard reserves.wallets.isEmpty else { throw .walletsWithConfiguredReserves(asset: symbol) }
        case .chain:
            guard !reserves.wallets.isEmpty else { throw .noWallets(asset: symbol) }
            var seen: Set<String> = []
            for wallet in reserves.wallets {
                guard seen.insert(wallet.address).inserted else { throw .duplicateAddress(asset: symbol, address: wallet.address) }
            }
            guard let total = reserves.walletTotal, total == solvency.reserves else {
                throw .reservesMismatch(asset: symbol, attested: reserves.walletTotal, header: solvency.reserves)
            }
            for wallet in reserves.wallets {
                let challenge = ReserveChallenge.text(for: wallet, asset: symbol, in: attestation,
                                                      previousHeaderHash: previousHeaderHash)
                checks.append(WalletCheck(entry: wallet, challenge: challenge,
                                          verified: try checkSignature(wallet, challenge: challenge, asset: symbol)))
            }
        }
        return ReserveLine(solvency: solvency, exchangeOwned: reserves.exchangeOwned, source: reserves.source, wallets: checks)
    }

    /// True when verified here; false for a scheme this verifier cannot check (the report gives
    /// the command that can). A signature that is checked and fails throws.
    private static func checkSignature(_ wallet: WalletReserve, challenge: String,
                                       asset: String) throws(ReserveVerificationFailure) -> Bool {
        switch wallet.scheme {
        case .bitcoinMessage:
            return false
        case .simulatorEd25519:
            switch ReserveChallenge.checkSimulator(wallet, challenge: challenge) {
            case .valid: break
            case .addressNotOfKey: throw .addressNotOfKey(asset: asset, wallet: wallet.wallet)
            case .badSignature: throw .badWalletSignature(asset: asset, wallet: wallet.wallet)
            }
            return true
        }
    }
}

/// What `verifyReserves` found: per asset, in the header's order.
public struct ReserveReport: Hashable, Sendable {
    public let header: EpochHeader
    public let headerHash: Hash256
    public let lines: [ReserveLine]

    public var isSolvent: Bool { lines.allSatisfy(\.solvency.isSolvent) }
    /// Every asset's reserves come from the chain and every wallet signature was checked here.
    public var isFullyVerified: Bool {
        lines.allSatisfy { $0.source == .chain && $0.wallets.allSatisfy(\.verified) }
    }
}

/// One asset: liabilities (customers' and the exchange's own), reserves, where they come from.
public struct ReserveLine: Hashable, Sendable {
    public let solvency: AssetSolvency
    public let exchangeOwned: UInt128
    public let source: AssetReserves.Source
    public let wallets: [WalletCheck]

    /// What customers are owed: all liabilities but the exchange's own accounts'.
    public var customerLiabilities: UInt128 { solvency.liabilities - exchangeOwned }
}

public struct WalletCheck: Hashable, Sendable {
    public let entry: WalletReserve
    /// The exact text the wallet's key signed.
    public let challenge: String
    /// False: a scheme this verifier cannot check (`bitcoin-message`).
    public let verified: Bool
}
