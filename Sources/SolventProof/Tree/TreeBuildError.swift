/// Why a tree could not be built from a snapshot.
public enum TreeBuildError: Error, Hashable, Sendable {
    /// Two rows of the snapshot carry this account id: the tree would show two leaves to one owner.
    case duplicateAccountId(UInt64)
    /// The height is outside `ProofFormat.heightMin` … `ProofFormat.heightMax`.
    case heightOutOfRange(Int)
    /// More accounts than the tree takes: 2^(height − 2), each half of the tree at most half full
    /// (so placing a share takes two draws on average), and below 2^32.
    case tooManyAccounts(count: Int, capacity: UInt64)
}
