extension EpochHeader {
    /// The canonical bytes that are hashed and signed: every field in declaration order, integers
    /// big-endian and fixed-width, names as a length byte then ASCII, per asset: symbol, scale.
    ///
    ///     version u16 ‖ exchangeId ‖ epoch u64 ‖ previousHeaderHash 32 ‖ snapshotTimeMs u64
    ///     ‖ journalSize u64 ‖ journalRoot 32 ‖ assetCount u16 ‖ (symbol ‖ scale u8)…
    ///     ‖ height u8 ‖ rootHash 32 ‖ rootSums u128… ‖ reserves u128… ‖ keyId 8
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.appendBigEndian(version)
        out.appendShortString(exchangeId)
        out.appendBigEndian(epoch)
        out.append(previousHeaderHash)
        out.appendBigEndian(snapshotTimeMs)
        out.appendBigEndian(journalSize)
        out.append(journalRoot)
        out.appendBigEndian(UInt16(assets.count))
        for asset in assets {
            out.appendShortString(asset.symbol)
            out.append(UInt8(asset.scale))
        }
        out.append(UInt8(height))
        out.append(rootHash)
        for sum in rootSums { out.appendBigEndian(sum) }
        for reserve in reserves { out.appendBigEndian(reserve) }
        out.appendBigEndian(keyId.value)
        return out
    }

    /// `SHA256("solvent-pol-header-hash-v1" ‖ canonicalBytes)`: what the next epoch's header and
    /// every proof of this epoch point at. The signature is not part of it, so the hash is the
    /// same whichever valid signature a header carries.
    public var hash: Hash256 {
        (ProofFormat.headerHashTag + canonicalBytes).withUnsafeBytes { sha256($0) }
    }
}
