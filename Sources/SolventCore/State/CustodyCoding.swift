// Binary form of what custody commands carry. Part of the journal format (see the tag table in
// CommandCoding.swift): field order and widths are fixed for ever. Chain text is a string of at
// most `CustodyText.chainLengthMax` bytes, operator text at most `noteLengthMax`.

extension CustodyText {
    /// `text`, after checking it fits the binary form (callers check `isBinaryEncodable` first).
    static func checkedChainText(_ text: String) -> String {
        precondition(text.utf8.count <= chainLengthMax, "chain text of \(text.utf8.count) bytes exceeds \(chainLengthMax)")
        return text
    }

    static func checkedNote(_ text: String) -> String {
        precondition(text.utf8.count <= noteLengthMax, "operator text of \(text.utf8.count) bytes exceeds \(noteLengthMax)")
        return text
    }

    static func fitsChain(_ text: String) -> Bool { text.utf8.count <= chainLengthMax }
    static func fitsNote(_ text: String) -> Bool { text.utf8.count <= noteLengthMax }
}

/// Layout: account u32, asset u16, amount i64, txid (chain text), vout u32, address (chain text).
extension ChainDeposit: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { CustodyText.fitsChain(outpoint.txid) && CustodyText.fitsChain(address) }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(asset)
        writer.write(amount)
        writer.write(CustodyText.checkedChainText(outpoint.txid))
        writer.write(outpoint.vout)
        writer.write(CustodyText.checkedChainText(address))
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let account = try reader.readUInt32()
        let asset = try reader.readUInt16()
        let amount = try reader.readInt64()
        let txid = try reader.readString(lengthMax: CustodyText.chainLengthMax)
        let vout = try reader.readUInt32()
        self.init(account: account, asset: asset, amount: amount, outpoint: ChainOutpoint(txid: txid, vout: vout),
                  address: try reader.readString(lengthMax: CustodyText.chainLengthMax))
    }
}

/// Layout: height i64, block hash (chain text).
extension ChainCursor: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { CustodyText.fitsChain(blockHash) }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(height)
        writer.write(CustodyText.checkedChainText(blockHash))
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let height = try reader.readInt64()
        self.init(height: height, blockHash: try reader.readString(lengthMax: CustodyText.chainLengthMax))
    }
}

/// Layout: account u32, asset u16, amount i64, fee i64, address, clientId (chain text each),
/// requiresApproval Bool.
extension WithdrawalRequest: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { CustodyText.fitsChain(address) && CustodyText.fitsChain(clientId) }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(asset)
        writer.write(amount)
        writer.write(fee)
        writer.write(CustodyText.checkedChainText(address))
        writer.write(CustodyText.checkedChainText(clientId))
        writer.write(requiresApproval)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let account = try reader.readUInt32()
        let asset = try reader.readUInt16()
        let amount = try reader.readInt64()
        let fee = try reader.readInt64()
        let address = try reader.readString(lengthMax: CustodyText.chainLengthMax)
        let clientId = try reader.readString(lengthMax: CustodyText.chainLengthMax)
        self.init(account: account, asset: asset, amount: amount, fee: fee, address: address, clientId: clientId,
                  requiresApproval: try reader.readBool())
    }
}

/// Layout: asset u16, address, tag (chain text each, the tag possibly empty), name (operator text).
extension WithdrawalAddress: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { CustodyText.fitsChain(address) && CustodyText.fitsChain(tag) && CustodyText.fitsNote(name) }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(asset)
        writer.write(CustodyText.checkedChainText(address))
        writer.write(CustodyText.checkedChainText(tag))
        writer.write(CustodyText.checkedNote(name))
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let asset = try reader.readUInt16()
        let address = try reader.readString(lengthMax: CustodyText.chainLengthMax)
        let tag = try reader.readString(lengthMax: CustodyText.chainLengthMax)
        self.init(asset: asset, address: address, tag: tag, name: try reader.readString(lengthMax: CustodyText.noteLengthMax))
    }
}

/// Layout: operator, reason, reference (operator text each).
extension OperatorAction: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool {
        CustodyText.fitsNote(operatorName) && CustodyText.fitsNote(reason) && CustodyText.fitsNote(reference)
    }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(CustodyText.checkedNote(operatorName))
        writer.write(CustodyText.checkedNote(reason))
        writer.write(CustodyText.checkedNote(reference))
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let name = try reader.readString(lengthMax: CustodyText.noteLengthMax)
        let reason = try reader.readString(lengthMax: CustodyText.noteLengthMax)
        self.init(operatorName: name, reason: reason, reference: try reader.readString(lengthMax: CustodyText.noteLengthMax))
    }
}
