/// The published form of a signed header, one line of canonical JSON:
///
///     {"version":2,"exchange":"solvent","epoch":7,"previousHeaderHash":"<64 hex>","snapshotTimeMs":…,
///      "journalSize":…,"journalRoot":"<64 hex>","height":24,"rootHash":"<64 hex>",
///      "assets":[{"symbol":"BTC","scale":8,"liabilities":"12.50000000","reserves":"13.00000000"},…],
///      "keyId":"<16 hex>","signature":"<128 hex>"}
///
/// Amounts are decimal strings at the asset's scale; hashes, keys and signatures lowercase hex.
extension SignedEpochHeader {
    public var json: String {
        let header = self.header
        var out = CanonicalWriter()
        out.opening(version: header.version, exchangeId: header.exchangeId, epoch: header.epoch)
        out.string("previousHeaderHash", header.previousHeaderHash.hex); out.raw(",")
        out.integer("snapshotTimeMs", header.snapshotTimeMs); out.raw(",")
        out.integer("journalSize", header.journalSize); out.raw(",")
        out.string("journalRoot", header.journalRoot.hex); out.raw(",")
        out.integer("height", header.height); out.raw(",")
        out.string("rootHash", header.rootHash.hex); out.raw(",\"assets\":")
        out.list(Array(header.assets.indices)) { out, at in
            let asset = header.assets[at]
            out.raw("{")
            ProofAssetText.write(asset, &out); out.raw(",\"liabilities\":")
            out.amount(header.rootSums[at], scale: asset.scale); out.raw(",\"reserves\":")
            out.amount(header.reserves[at], scale: asset.scale); out.raw("}")
        }
        out.raw(",")
        out.signedEnding(keyId: header.keyId, signature: signature)
        return out.text
    }

    /// Parses the canonical JSON form; anything else (another key order, whitespace, a
    /// non-canonical number) is a `ParseError` naming the byte.
    public init(json bytes: [UInt8]) throws(ParseError) {
        var reader = CanonicalReader(bytes)
        let (exchange, epoch) = try reader.opening(version: ProofFormat.version)
        let previous = try reader.hash("previousHeaderHash"); try reader.expect(",")
        let time = try reader.integer("snapshotTimeMs", max: .max); try reader.expect(",")
        let journalSize = try reader.integer("journalSize", max: .max); try reader.expect(",")
        let journalRoot = try reader.hash("journalRoot"); try reader.expect(",")
        let heightAt = reader.offset
        let height = try reader.integer("height", max: .max)
        guard (UInt64(ProofFormat.heightMin)...UInt64(ProofFormat.heightMax)).contains(height) else {
            throw ParseError(.heightOutOfRange(height), at: heightAt)
        }
        try reader.expect(",")
        let root = try reader.hash("rootHash"); try reader.expect(",\"assets\":")
        let rows = try reader.list("assets", max: ProofFormat.assetCountMax) { (reader: inout CanonicalReader) throws(ParseError) in
            try HeaderAssetRow(reader: &reader)
        }
        try reader.expect(",")
        let (keyId, signature) = try reader.signedEnding()
        let header = EpochHeader(
            exchangeId: exchange, epoch: epoch, previousHeaderHash: previous, snapshotTimeMs: time,
            journalSize: journalSize, journalRoot: journalRoot, assets: rows.map(\.asset), height: Int(height),
            rootHash: root, rootSums: rows.map(\.liabilities), reserves: rows.map(\.reserves),
            keyId: keyId)
        self.init(header: header, signature: signature)
    }

    public init(json text: String) throws(ParseError) {
        try self.init(json: Array(text.utf8))
    }
}

/// One element of the header's `assets` list.
private struct HeaderAssetRow {
    let asset: ProofAsset
    let liabilities: UInt128
    let reserves: UInt128

    init(reader: inout CanonicalReader) throws(ParseError) {
        try reader.expect("{")
        asset = try ProofAssetText.read(&reader)
        try reader.expect(",\"liabilities\":")
        liabilities = try reader.amount(scale: asset.scale, limit: .max)
        try reader.expect(",\"reserves\":")
        reserves = try reader.amount(scale: asset.scale, limit: .max)
        try reader.expect("}")
    }
}

/// `"symbol":"BTC","scale":8`, shared by the header's and the proof's asset lists.
enum ProofAssetText {
    static func read(_ reader: inout CanonicalReader) throws(ParseError) -> ProofAsset {
        let symbol = try reader.name("symbol")
        try reader.expect(",")
        let scaleAt = reader.offset
        let scale = try reader.integer("scale", max: .max)
        guard scale <= UInt64(ProofAsset.scaleMax), let asset = ProofAsset(symbol: symbol, scale: Int(scale)) else {
            throw ParseError(.invalidScale, at: scaleAt)
        }
        return asset
    }

    static func write(_ asset: ProofAsset, _ out: inout CanonicalWriter) {
        out.string("symbol", asset.symbol); out.raw(",")
        out.integer("scale", asset.scale)
    }
}
