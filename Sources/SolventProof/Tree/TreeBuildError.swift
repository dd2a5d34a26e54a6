/// Why a tree could not be built from a snapshot.
public enum TreeBuildError: Error, Hashable, Sendable {
    /// Two rows of the snapshot carry this account id: the tree would show two leaves to one owner.
    case duplicateAccountId(UInt64)
    /// The height is outside 1 … `ProofFormat.heightMax`.
    case heightOutOfRange(Int)
    /// More accounts than the 2^height leaf slots (or than 2^32) can hold.
    case tooManyAccounts(count: Int, capacity: UInt64)
}
