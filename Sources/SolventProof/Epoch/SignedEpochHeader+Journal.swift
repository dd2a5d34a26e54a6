import SolventCore

/// The form in which a signed header goes into the journal, as the payload of the exchange's
/// `publishEpoch` command, so that the journal's Merkle log fixes it: `canonicalBytes ‖ signature
/// (64)`. Once journaled, the engine refuses any other header for the epoch, and `solvent audit`
/// checks the served header against the journaled one (`isJournaled(as:)`).
extension SignedEpochHeader {
    public var journalBytes: [UInt8] {
        header.canonicalBytes + signature
    }

    /// The header in a journaled payload, or what is wrong with the bytes.
    public init(journalBytes bytes: [UInt8]) throws(HeaderBytesError) {
        guard bytes.count > Self.signatureByteCount else { throw .truncated(at: bytes.count) }
        let header = try EpochHeader(canonicalBytes: Array(bytes.dropLast(Self.signatureByteCount)))
        self.init(header: header, signature: Array(bytes.suffix(Self.signatureByteCount)))
    }

    /// The command's payload: this header's epoch, hash and journal bytes.
    public var publication: EpochPublication {
        EpochPublication(epoch: header.epoch, headerHash: SHA256Digest(bytes: hash.bytes)!, signedHeader: journalBytes)
    }

    /// The header a journaled publication holds; throws unless its bytes read as a header whose
    /// epoch and hash are the ones the publication names beside them.
    public init(publication: EpochPublication) throws(HeaderBytesError) {
        try self.init(journalBytes: publication.signedHeader)
        guard header.epoch == publication.epoch, hash.bytes == publication.headerHash.bytes else {
            throw .disagreesWithPublication
        }
    }

    /// True when `publication` (an epoch command from the journal) is exactly this header and
    /// signature, byte for byte.
    public func isJournaled(as publication: EpochPublication) -> Bool {
        publication == self.publication
    }
}

/// Why header bytes (§5.1 of PROOF-FORMAT.md) could not be read.
public enum HeaderBytesError: Error, Hashable, Sendable {
    case truncated(at: Int)
    case invalidName(at: Int)
    case invalidScale(at: Int)
    case unsupportedVersion(UInt16)
    case heightOutOfRange(UInt8)
    case tooManyAssets(Int)
    case trailingBytes(at: Int)
    /// A journaled publication's epoch or hash is not that of the header it carries.
    case disagreesWithPublication
}

extension EpochHeader {
    /// Reads `canonicalBytes` back: the inverse of `canonicalBytes`, refusing anything else.
    public init(canonicalBytes bytes: [UInt8]) throws(HeaderBytesError) {
        var reader = HeaderBytesReader(bytes: bytes)
        let version = UInt16(try reader.integer(2))
        guard version == ProofFormat.version else { throw .unsupportedVersion(version) }
        let exchange = try reader.name()
        let epoch = try reader.integer(8)
        let previous = try reader.hash()
        let time = try reader.integer(8)
        let journalSize = try reader.integer(8)
        let journalRoot = try reader.hash()
        let count = Int(try reader.integer(2))
        guard count <= ProofFormat.assetCountMax else { throw .tooManyAssets(count) }
        var assets: [ProofAsset] = []
        for _ in 0..<count {
            let symbol = try reader.name()
            let at = reader.offset
            guard let asset = ProofAsset(symbol: symbol, scale: Int(try reader.integer(1))) else {
                throw .invalidScale(at: at)
            }
            assets.append(asset)
        }
        let height = UInt8(try reader.integer(1))
        guard (ProofFormat.heightMin...ProofFormat.heightMax).contains(Int(height)) else { throw .heightOutOfRange(height) }
        let root = try reader.hash()
        var sums: [UInt128] = []
        var reserves: [UInt128] = []
        for _ in 0..<count { sums.append(try reader.wide()) }
        for _ in 0..<count { reserves.append(try reader.wide()) }
        let keyId = try reader.integer(8)
        guard reader.offset == bytes.count else { throw .trailingBytes(at: reader.offset) }
        self.init(exchangeId: exchange, epoch: epoch, previousHeaderHash: previous, snapshotTimeMs: time,
                  journalSize: journalSize, journalRoot: journalRoot, assets: assets, height: Int(height),
                  rootHash: root, rootSums: sums, reserves: reserves, keyId: KeyId(value: keyId))
    }
}

/// Big-endian fields of header bytes, one after another.
private struct HeaderBytesReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) throws(HeaderBytesError) -> ArraySlice<UInt8> {
        guard bytes.count - offset >= count else { throw .truncated(at: offset) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer(_ width: Int) throws(HeaderBytesError) -> UInt64 {
        try take(width).reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func wide() throws(HeaderBytesError) -> UInt128 {
        try take(16).reduce(0) { $0 << 8 | UInt128($1) }
    }

    mutating func hash() throws(HeaderBytesError) -> Hash256 {
        Hash256(bytes: Array(try take(Hash256.byteCount)))!
    }

    mutating func name() throws(HeaderBytesError) -> String {
        let at = offset
        let length = Int(try integer(1))
        let text = String(decoding: try take(length), as: UTF8.self)
        guard ProofAsset.isValidName(text) else { throw .invalidName(at: at) }
        return text
    }
}
