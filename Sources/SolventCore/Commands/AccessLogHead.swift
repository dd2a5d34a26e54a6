/// The head of the auditors' access log as the journal fixes it: how many entries the log holds
/// and the SHA-256 of its last line (the server's `AccessLog`, whose chain the core never reads).
///
/// Once a head is journaled, the journal's Merkle log holds it for good: an operator who rewrites
/// the access log from some line on, recomputing every hash after it, leaves a file whose line at
/// a journaled index no longer has the journaled hash.
public struct AccessLogHead: Hashable, Sendable {
    /// The number of entries, which is the last entry's index (the first is 1).
    public var index: UInt64
    /// The SHA-256 of the entry at `index`, as its line's `hash` member gives it.
    public var hash: SHA256Digest

    public init(index: UInt64, hash: SHA256Digest) {
        self.index = index
        self.hash = hash
    }
}
