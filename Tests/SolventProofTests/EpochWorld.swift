import Crypto
import SolventProof

/// A small exchange's epochs for the verifier tests: 40 accounts over BTC, USDT, DOGE, trees of
/// height 8, headers signed by a fixed key, proofs on demand.
struct EpochWorld {
    static var signingKey: Curve25519.Signing.PrivateKey {
        try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 3, count: 32))
    }
    static var otherKey: Curve25519.Signing.PrivateKey {
        try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 4, count: 32))
    }
    static let height = 8
    static let verifier = ProofVerifier(publicKey: signingKey.publicKey)

    let snapshot: LiabilitySnapshot
    let tree: LiabilityTree
    let header: SignedEpochHeader

    /// Epoch `epoch`, following `previous` (nil for the first), with reserves of
    /// `reservePercent` % of the liabilities.
    init(epoch: UInt64, previous: SignedEpochHeader? = nil, reservePercent: UInt128 = 110, seed: UInt64 = 1) {
        snapshot = Fixtures.snapshot(count: 40, seed: seed)
        tree = try! LiabilityTree.build(snapshot, epoch: epoch, height: Self.height, secrets: Fixtures.secrets)
        let unsigned = EpochHeader(tree: tree, exchangeId: "solvent-test", previousHeaderHash: previous?.hash ?? .zero,
                                   snapshotTimeMs: 1_700_000_000_000 + epoch, journalSize: 1_000 * epoch,
                                   journalRoot: Hash256(bytes: [UInt8](repeating: UInt8(epoch), count: 32))!,
                                   reserves: tree.rootSums.map { $0 * reservePercent / 100 })
        header = try! unsigned.sign(with: Self.signingKey)
    }

    var accountId: UInt64 { snapshot.accountIds[5] }
    var otherAccountId: UInt64 { snapshot.accountIds[6] }
    var secret: UserSecret { Fixtures.secrets.userSecret(accountId: accountId, epoch: tree.epoch) }

    func proof(for account: UInt64? = nil) -> InclusionProof {
        try! tree.proof(for: account ?? accountId, header: header.header)
    }

    /// Verifies `proof` (default: this account's) against `header` (default: this epoch's).
    func verify(_ proof: InclusionProof? = nil, header: SignedEpochHeader? = nil, previous: SignedEpochHeader? = nil,
                accountId: UInt64? = nil) throws(VerificationFailure) -> VerificationReport {
        try verify(proofText: (proof ?? self.proof()).json, headerText: (header ?? self.header).json,
                   previous: previous, accountId: accountId)
    }

    func verify(proofText: String, headerText: String, previous: SignedEpochHeader? = nil,
                accountId: UInt64? = nil) throws(VerificationFailure) -> VerificationReport {
        let id = accountId ?? self.accountId
        return try Self.verifier.verify(proof: Array(proofText.utf8), header: Array(headerText.utf8), accountId: id,
                                        secret: Fixtures.secrets.userSecret(accountId: id, epoch: tree.epoch),
                                        previousHeader: previous.map { Array($0.json.utf8) })
    }

    /// The failure of `body`, or nil when it verified.
    static func failure(_ body: () throws -> VerificationReport) -> VerificationFailure? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? VerificationFailure
        }
    }
}
