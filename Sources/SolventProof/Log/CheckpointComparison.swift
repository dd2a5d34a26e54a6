import Crypto

/// What an auditor concludes from two checkpoints of the same log, both signed by the exchange.
///
/// The exchange cannot show two histories: checkpoints of one size must have one root, and a
/// larger checkpoint must extend a smaller one (a consistency proof). Two signed checkpoints of
/// the same size with different roots are themselves the evidence of equivocation: anyone can
/// check both signatures, so the finding carries both notes.
public enum CheckpointFinding: Hashable, Sendable {
    /// Same size, same root.
    case agree
    /// Same size, different roots, both validly signed.
    case equivocation(Equivocation)
    /// The newer checkpoint extends the older one (the consistency proof verified).
    case extends
}

/// Two validly signed, contradictory checkpoints.
public struct Equivocation: Hashable, Sendable {
    public let size: UInt64
    public let first: SignedCheckpoint
    public let second: SignedCheckpoint
}

public enum CheckpointComparison {
    /// Compares two checkpoints; when their sizes differ, `proof` must show that the smaller
    /// is a prefix of the larger, or the comparison throws with the proof's failure.
    public static func compare(_ a: SignedCheckpoint, _ b: SignedCheckpoint, proof: LogConsistencyProof? = nil,
                               publicKey: Curve25519.Signing.PublicKey) throws(CheckpointComparisonError) -> CheckpointFinding {
        do {
            try a.verify(publicKey: publicKey)
            try b.verify(publicKey: publicKey)
        } catch {
            throw .unsigned(error)
        }
        guard a.checkpoint.origin == b.checkpoint.origin else { throw .differentLogs }
        let (older, newer) = a.checkpoint.size <= b.checkpoint.size ? (a, b) : (b, a)
        if older.checkpoint.size == newer.checkpoint.size {
            if older.checkpoint.root == newer.checkpoint.root { return .agree }
            return .equivocation(Equivocation(size: older.checkpoint.size, first: a, second: b))
        }
        guard let proof else { throw .proofNeeded }
        guard proof.first == older.checkpoint.size, proof.second == newer.checkpoint.size else {
            throw .proofForOtherSizes
        }
        do {
            try proof.verify(firstRoot: older.checkpoint.root, secondRoot: newer.checkpoint.root)
        } catch {
            throw .notConsistent(error)
        }
        return .extends
    }
}

/// Why two checkpoints could not be compared, or did not agree.
public enum CheckpointComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsigned(CheckpointError)
    case differentLogs
    case proofNeeded
    case proofForOtherSizes
    /// The consistency proof failed: the log was rewritten or the proof is wrong.
    case notConsistent(LogProofError)

    public var description: String {
        switch self {
        case .unsigned(let error): "\(error)"
        case .differentLogs: "the checkpoints name different logs"
        case .proofNeeded: "checkpoints of different sizes need a consistency proof"
        case .proofForOtherSizes: "the consistency proof is for other sizes"
        case .notConsistent(let error): "the log is not append-only: \(error)"
        }
    }
}
