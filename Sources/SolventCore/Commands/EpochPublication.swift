/// A proof-of-liabilities epoch as the journal fixes it: its number, the hash of its header and
/// the signed header itself, in SolventProof's journal form (`SignedEpochHeader.journalBytes`:
/// the header's canonical bytes ‖ its 64-byte signature, PROOF-FORMAT.md §5).
///
/// The core does not read the header: it keeps the bytes as they are, and the number and hash
/// beside them so it can refuse a second header for an epoch without knowing the proof format.
/// That the three agree is what `SignedEpochHeader(publication:)` checks, and `solvent audit`
/// with it.
public struct EpochPublication: Hashable, Sendable {
    /// Most bytes a signed header may have; 256 assets, the format's limit, take about 17 KB.
    public static let signedHeaderBytesMax = 65_536

    public var epoch: UInt64
    public var headerHash: SHA256Digest
    public var signedHeader: [UInt8]

    public init(epoch: UInt64, headerHash: SHA256Digest, signedHeader: [UInt8]) {
        self.epoch = epoch
        self.headerHash = headerHash
        self.signedHeader = signedHeader
    }

    /// Whether the journal can hold it (the header within its length limit).
    public var isBinaryEncodable: Bool { signedHeader.count <= Self.signedHeaderBytesMax }
}
