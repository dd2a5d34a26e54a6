import Crypto

/// Checks an inclusion proof the way a user must: strict parse → the header's signature with the
/// exchange's pinned key → newer than (and linked to) the last header seen → the user's two leaves
/// recomputed from their account id and the epoch's secret → the path, with range-checked, checked sums →
/// the header's root hash and liabilities. Every failure is a distinct `VerificationFailure`.
public struct ProofVerifier: Sendable {
    /// The pinned Ed25519 public key's 32 raw bytes (kept as bytes: swift-crypto's key type is not `Sendable`).
    public let publicKeyBytes: [UInt8]
    public let keyId: KeyId

    public init(publicKey: Curve25519.Signing.PublicKey) {
        publicKeyBytes = Array(publicKey.rawRepresentation)
        keyId = KeyId(publicKey: publicKeyBytes)
    }

    public var publicKey: Curve25519.Signing.PublicKey {
        // The bytes came from a valid key, so they parse again.
        try! Curve25519.Signing.PublicKey(rawRepresentation: publicKeyBytes)
    }

    /// The key from its 32 raw bytes as 64 lowercase hex characters, or nil.
    public init?(publicKeyHex: String) {
        guard case .success(let raw) = Hex.decode(publicKeyHex, byteCount: 32),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return nil }
        self.init(publicKey: key)
    }

    /// Verifies the texts of a proof and header (and optionally the last header seen before).
    public func verify(proof proofText: [UInt8], header headerText: [UInt8], accountId: UInt64, secret: UserSecret,
                       previousHeader previousText: [UInt8]? = nil) throws(VerificationFailure) -> VerificationReport {
        let signed: SignedEpochHeader
        do { signed = try SignedEpochHeader(json: headerText) } catch { throw .malformedHeader(error) }
        let key = publicKey
        try checkSignature(signed, key: key)
        var chain = ChainStatus.notChecked
        if let previousText {
            let previous: SignedEpochHeader
            do { previous = try SignedEpochHeader(json: previousText) } catch { throw .malformedPreviousHeader(error) }
            guard previous.header.keyId == keyId, previous.isSigned(by: key) else { throw .badPreviousSignature }
            chain = try Self.chainStatus(current: signed.header, previous: previous.header)
        }
        let proof: InclusionProof
        do { proof = try InclusionProof(json: proofText) } catch { throw .malformedProof(error) }
        let balances = try Self.checkInclusion(proof, in: signed.header, accountId: accountId, secret: secret)
        return VerificationReport(header: signed.header, headerHash: signed.hash, accountId: accountId,
                                  leafIndices: proof.leaves.map(\.index), balances: balances, chain: chain)
    }

    /// The header names the pinned key and its signature verifies.
    public func checkSignature(_ signed: SignedEpochHeader) throws(VerificationFailure) {
        try checkSignature(signed, key: publicKey)
    }

    private func checkSignature(_ signed: SignedEpochHeader, key: Curve25519.Signing.PublicKey) throws(VerificationFailure) {
        guard signed.header.keyId == keyId else { throw .unknownKey(signed.header.keyId) }
        guard signed.isSigned(by: key) else { throw .badSignature }
    }

    /// How `current` follows `previous` (both already signature-checked); older is a rollback,
    /// another header of the same epoch is equivocation, the next epoch must name its hash.
    public static func chainStatus(current: EpochHeader, previous: EpochHeader) throws(VerificationFailure) -> ChainStatus {
        if current.epoch < previous.epoch { throw .rollback(current: current.epoch, previous: previous.epoch) }
        if current.epoch == previous.epoch {
            guard current.hash == previous.hash else { throw .equivocation(epoch: current.epoch) }
            return .sameHeader
        }
        if current.epoch == previous.epoch + 1 {
            guard current.previousHeaderHash == previous.hash else { throw .brokenChain(epoch: current.epoch) }
            return .linked(previousEpoch: previous.epoch)
        }
        return .gap(previousEpoch: previous.epoch)
    }

    /// The proof belongs to `header`, both its leaves are the user's (one in each half of the
    /// tree), each path reaches the root; returns the user's balances, the sum of the two shares.
    @discardableResult
    public static func checkInclusion(_ proof: InclusionProof, in header: EpochHeader, accountId: UInt64,
                                      secret: UserSecret) throws(VerificationFailure) -> [UInt64] {
        guard proof.exchangeId == header.exchangeId else { throw .exchangeMismatch }
        guard proof.epoch == header.epoch else { throw .epochMismatch }
        guard proof.headerHash == header.hash else { throw .headerMismatch }
        guard proof.assets == header.assets else { throw .assetMismatch }
        guard proof.leaves.count == ProofFormat.shareCount else { throw .leafCountMismatch(proof.leaves.count) }
        var hasher = TreeHasher(assetCount: header.assets.count)
        let commitment = secret.commitment(accountId: accountId)
        for (share, leaf) in proof.leaves.enumerated() {
            try checkLeaf(leaf, share: share, in: header, commitment: commitment, hasher: &hasher)
        }
        var total: [UInt64] = []
        for asset in header.assets.indices {
            let (sum, overflow) = proof.leaves[0].balances[asset].addingReportingOverflow(proof.leaves[1].balances[asset])
            guard !overflow else { throw .balanceOverflow(asset: asset) }
            total.append(sum)
        }
        return total
    }

    /// Share `share`'s leaf: in its half, recomputed from the commitment, its path to the root.
    private static func checkLeaf(_ leaf: ProofLeaf, share: Int, in header: EpochHeader, commitment: Hash256,
                                  hasher: inout TreeHasher) throws(VerificationFailure) {
        guard leaf.path.count == header.height else {
            throw .pathLengthMismatch(expected: header.height, actual: leaf.path.count)
        }
        guard leaf.index >> UInt64(header.height) == 0 else {
            throw .indexOutOfRange(index: leaf.index, height: header.height)
        }
        guard leaf.index >> UInt64(header.height - 1) == UInt64(share) else { throw .shareInWrongHalf(share: share) }
        let hash = hasher.leaf(epoch: header.epoch, index: leaf.index, commitment: commitment, balances: leaf.balances)
        guard hash == leaf.hash else { throw .leafMismatch(share: share) }
        let (rootHash, rootSums) = try PathWalk.root(from: hash, balances: leaf.balances, index: leaf.index,
                                                     path: leaf.path, hasher: &hasher)
        guard rootHash == header.rootHash else { throw .rootHashMismatch(share: share) }
        if let asset = rootSums.indices.first(where: { rootSums[$0] != header.rootSums[$0] }) {
            throw .rootSumsMismatch(share: share, asset: asset)
        }
    }
}
