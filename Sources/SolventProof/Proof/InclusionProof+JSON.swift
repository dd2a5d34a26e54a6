/// The form a proof is served in, one line of canonical JSON:
///
///     {"version":2,"exchange":"solvent","epoch":7,"headerHash":"<64 hex>",
///      "assets":[{"symbol":"BTC","scale":8},…],
///      "leaves":[{"index":123,"hash":"<64 hex>","balances":["0.50000000",…],
///                 "path":[{"hash":"<64 hex>","sums":["1.25000000",…]},…]},…]}
///
/// Balances are below 2^64 units, sums below 2^128 (the verifier then checks each sum against
/// its level's bound).
extension InclusionProof {
    public var json: String {
        var out = CanonicalWriter()
        out.opening(version: version, exchangeId: exchangeId, epoch: epoch)
        out.string("headerHash", headerHash.hex); out.raw(",\"assets\":")
        out.list(assets) { out, asset in
            out.raw("{"); ProofAssetText.write(asset, &out); out.raw("}")
        }
        out.raw(",\"leaves\":")
        out.list(leaves) { out, leaf in
            out.raw("{")
            out.integer("index", leaf.index); out.raw(",")
            out.string("hash", leaf.hash.hex); out.raw(",\"balances\":")
            writeAmounts(leaf.balances.map { UInt128($0) }, &out)
            out.raw(",\"path\":")
            out.list(leaf.path) { out, step in
                out.raw("{"); out.string("hash", step.hash.hex); out.raw(",\"sums\":")
                writeAmounts(step.sums, &out)
                out.raw("}")
            }
            out.raw("}")
        }
        out.raw("}")
        return out.text
    }

    public init(json bytes: [UInt8]) throws(ParseError) {
        var reader = CanonicalReader(bytes)
        let (exchange, epoch) = try reader.opening(version: ProofFormat.version)
        let headerHash = try reader.hash("headerHash"); try reader.expect(",\"assets\":")
        let assets = try reader.list("assets", max: ProofFormat.assetCountMax) { (reader: inout CanonicalReader) throws(ParseError) in
            try reader.expect("{")
            let asset = try ProofAssetText.read(&reader)
            try reader.expect("}")
            return asset
        }
        try reader.expect(",\"leaves\":")
        let leaves = try reader.list("leaves", max: ProofFormat.shareCount) { (reader: inout CanonicalReader) throws(ParseError) in
            try Self.readLeaf(&reader, assets: assets)
        }
        try reader.expect("}")
        try reader.end()
        self.init(exchangeId: exchange, epoch: epoch, headerHash: headerHash, assets: assets, leaves: leaves)
    }

    public init(json text: String) throws(ParseError) {
        try self.init(json: Array(text.utf8))
    }

    private static func readLeaf(_ reader: inout CanonicalReader, assets: [ProofAsset]) throws(ParseError) -> ProofLeaf {
        try reader.expect("{")
        let index = try reader.integer("index", max: .max); try reader.expect(",")
        let hash = try reader.hash("hash"); try reader.expect(",\"balances\":")
        let balances = try readAmounts(&reader, assets: assets, limit: UInt128(UInt64.max))
        try reader.expect(",\"path\":")
        let path = try reader.list("path steps", max: ProofFormat.heightMax) { (reader: inout CanonicalReader) throws(ParseError) in
            try reader.expect("{")
            let hash = try reader.hash("hash"); try reader.expect(",\"sums\":")
            let sums = try readAmounts(&reader, assets: assets, limit: .max)
            try reader.expect("}")
            return PathStep(hash: hash, sums: sums)
        }
        try reader.expect("}")
        return ProofLeaf(index: index, hash: hash, balances: balances.map { UInt64($0) }, path: path)
    }

    private func writeAmounts(_ amounts: [UInt128], _ out: inout CanonicalWriter) {
        out.list(Array(zip(amounts, assets))) { out, pair in out.amount(pair.0, scale: pair.1.scale) }
    }

    /// One amount per asset, each at its asset's scale.
    private static func readAmounts(_ reader: inout CanonicalReader, assets: [ProofAsset],
                                    limit: UInt128) throws(ParseError) -> [UInt128] {
        let start = reader.offset
        var at = 0
        let amounts = try reader.list("amounts", max: assets.count + 1) { (reader: inout CanonicalReader) throws(ParseError) in
            defer { at += 1 }
            guard at < assets.count else { throw ParseError(.countMismatch("one amount per asset"), at: reader.offset) }
            return try reader.amount(scale: assets[at].scale, limit: limit)
        }
        guard amounts.count == assets.count else { throw ParseError(.countMismatch("one amount per asset"), at: start) }
        return amounts
    }
}
