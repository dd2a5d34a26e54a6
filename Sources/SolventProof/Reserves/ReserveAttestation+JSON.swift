/// The published form of a reserve attestation, one line of canonical JSON (PROOF-FORMAT.md
/// §11.3), under the same rules as headers and proofs (§7):
///
///     {"version":1,"exchange":"solvent","epoch":7,"headerHash":"<64 hex>",
///      "assets":[{"symbol":"BTC","scale":8,"source":"chain","exchangeOwned":"0.00120000",
///                 "wallets":[{"wallet":"hot","address":"…","balance":"1.50000000","height":812,
///                             "blockHash":"<64 hex>","scheme":"solvent-sim-ed25519",
///                             "publicKey":"<64 hex>","signature":"<128 hex>"},…]},…],
///      "keyId":"<16 hex>","signature":"<128 hex>"}
extension SignedReserveAttestation {
    public var json: String {
        let attestation = self.attestation
        var out = CanonicalWriter()
        out.opening(version: ReserveAttestation.version, exchangeId: attestation.exchangeId, epoch: attestation.epoch)
        out.string("headerHash", attestation.headerHash.hex); out.raw(",\"assets\":")
        out.list(attestation.assets) { out, reserves in
            out.raw("{")
            ProofAssetText.write(reserves.asset, &out); out.raw(",")
            out.string("source", reserves.source.name); out.raw(",\"exchangeOwned\":")
            out.amount(reserves.exchangeOwned, scale: reserves.asset.scale); out.raw(",\"wallets\":")
            out.list(reserves.wallets) { out, wallet in
                out.raw("{")
                out.string("wallet", wallet.wallet); out.raw(",")
                out.string("address", wallet.address); out.raw(",\"balance\":")
                out.amount(UInt128(wallet.balance), scale: reserves.asset.scale); out.raw(",")
                out.integer("height", wallet.height); out.raw(",")
                out.string("blockHash", wallet.blockHash.hex); out.raw(",")
                out.string("scheme", wallet.scheme.rawValue); out.raw(",")
                out.string("publicKey", Hex.encode(wallet.publicKey)); out.raw(",")
                out.string("signature", Hex.encode(wallet.signature)); out.raw("}")
            }
            out.raw("}")
        }
        out.raw(",")
        out.signedEnding(keyId: attestation.keyId, signature: signature)
        return out.text
    }

    /// Parses the canonical JSON form; anything else is a `ParseError` naming the byte.
    public init(json bytes: [UInt8]) throws(ParseError) {
        var reader = CanonicalReader(bytes)
        let (exchange, epoch) = try reader.opening(version: ReserveAttestation.version)
        let headerHash = try reader.hash("headerHash"); try reader.expect(",\"assets\":")
        let assets = try reader.list("assets", max: ProofFormat.assetCountMax) { (reader: inout CanonicalReader) throws(ParseError) in
            try AssetReserves(reader: &reader)
        }
        try reader.expect(",")
        let (keyId, signature) = try reader.signedEnding()
        let attestation = ReserveAttestation(exchangeId: exchange, epoch: epoch, headerHash: headerHash, assets: assets,
                                             keyId: keyId)
        self.init(attestation: attestation, signature: signature)
    }
}

extension AssetReserves {
    init(reader: inout CanonicalReader) throws(ParseError) {
        try reader.expect("{")
        asset = try ProofAssetText.read(&reader)
        try reader.expect(",")
        let sourceAt = reader.offset
        switch try reader.text("source") {
        case "chain": source = .chain
        case "configured": source = .configured
        default: throw ParseError(.expected("source chain or configured"), at: sourceAt)
        }
        try reader.expect(",\"exchangeOwned\":")
        exchangeOwned = try reader.amount(scale: asset.scale, limit: .max)
        try reader.expect(",\"wallets\":")
        let scale = asset.scale
        wallets = try reader.list("wallets", max: ReserveAttestation.walletCountMax) { (reader: inout CanonicalReader) throws(ParseError) in
            try WalletReserve(reader: &reader, scale: scale)
        }
        try reader.expect("}")
    }
}

extension WalletReserve {
    init(reader: inout CanonicalReader, scale: Int) throws(ParseError) {
        try reader.expect("{")
        wallet = try reader.name("wallet"); try reader.expect(",")
        let addressAt = reader.offset
        address = try reader.text("address")
        guard ReserveChallenge.isValidAddress(Array(address.utf8)) else { throw ParseError(.expected("an address"), at: addressAt) }
        try reader.expect(",\"balance\":")
        balance = UInt64(try reader.amount(scale: scale, limit: UInt128(UInt64.max))); try reader.expect(",")
        height = try reader.integer("height", max: .max); try reader.expect(",")
        blockHash = try reader.hash("blockHash"); try reader.expect(",")
        let schemeAt = reader.offset
        guard let scheme = ReserveSignatureScheme(rawValue: try reader.text("scheme")) else {
            throw ParseError(.expected("a known signature scheme"), at: schemeAt)
        }
        self.scheme = scheme
        try reader.expect(",")
        publicKey = try reader.hex("publicKey", byteCount: scheme.publicKeyByteCount); try reader.expect(",")
        signature = try reader.hex("signature", byteCount: scheme.signatureByteCount)
        try reader.expect("}")
    }
}

extension CanonicalReader {
    /// `"key":"text"`, the text as it stands (no escapes are possible: `quoted` refuses them).
    mutating func text(_ key: String) throws(ParseError) -> String {
        try expect("\"\(key)\":")
        return String(decoding: try quoted(), as: UTF8.self)
    }
}
