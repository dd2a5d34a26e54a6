/// Jurisdictions' binary forms: the commands' payloads and their part of the state (version 5).
///
/// Jurisdiction: its code as a string of at most `Jurisdiction.codeLengthMax` bytes.
/// AssetRuling: asset u16, jurisdiction, standing u8, effectiveAt i64, OperatorAction.
/// State: accounts with a jurisdiction by account (account u32, jurisdiction), then every ruling
/// in the order recorded (ruling, recordedAt i64, enforcedAt optional i64). Which ruling governs
/// each asset and place is derived from them, not stored.
extension Jurisdiction: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { code.utf8.count <= Self.codeLengthMax }

    public func encode(to writer: inout BinaryWriter) {
        precondition(isBinaryEncodable, "jurisdiction code \(code) is longer than \(Self.codeLengthMax) bytes")
        writer.write(code)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(try reader.readString(lengthMax: Self.codeLengthMax))
    }
}

extension AssetRuling: BinaryEncodable, BinaryDecodable {
    var isBinaryEncodable: Bool { jurisdiction.isBinaryEncodable && action.isBinaryEncodable }

    public func encode(to writer: inout BinaryWriter) {
        writer.write(asset)
        writer.write(jurisdiction)
        writer.writeEnum(standing)
        writer.write(effectiveAt)
        writer.write(action)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let asset = try reader.readUInt16()
        let jurisdiction = try reader.read(Jurisdiction.self)
        let standing = try reader.readEnum(AssetStanding.self)
        self.init(asset: asset, jurisdiction: jurisdiction, standing: standing, effectiveAt: try reader.readInt64(),
                  action: try reader.read(OperatorAction.self))
    }
}

extension Engine {
    func encodeJurisdictions(_ writer: inout BinaryWriter) {
        writer.write(UInt32(jurisdictions.accounts.count))
        for (account, place) in jurisdictions.accounts.sorted(by: { $0.key < $1.key }) {
            writer.write(account)
            writer.write(place)
        }
        writer.write(UInt32(jurisdictions.rulings.count))
        for record in jurisdictions.rulings {
            writer.write(record.ruling)
            writer.write(record.recordedAt)
            writer.write(record.enforcedAt != nil)
            if let enforcedAt = record.enforcedAt { writer.write(enforcedAt) }
        }
    }

    /// Refuses what the engine could not have made: an unknown account or asset, an invalid
    /// place, a ruling without its case id, more rulings than the history holds.
    mutating func decodeJurisdictions(_ reader: inout BinaryReader) throws(BinaryDecodingError) {
        var previous: AccountId?
        for _ in 0..<(try Self.readCount(&reader)) {
            let account = try reader.readUInt32()
            let place = try reader.read(Jurisdiction.self)
            guard ledger.contains(account), account != .feeAccount, place.isValid, previous.map({ $0 < account }) ?? true else {
                throw .invalidValue(offset: reader.offset, what: "jurisdiction of account \(account)")
            }
            jurisdictions.accounts[account] = place
            previous = account
        }
        let count = try Self.readCount(&reader)
        guard count <= JurisdictionRecords.rulingsMax else { throw .invalidValue(offset: reader.offset, what: "ruling count") }
        for index in 0..<count {
            let ruling = try reader.read(AssetRuling.self)
            let recordedAt = try reader.readInt64()
            let enforcedAt: Timestamp? = try reader.readBool() ? try reader.readInt64() : nil
            guard Int(ruling.asset) < assets.count, ruling.jurisdiction.isValid, ruling.action.isComplete,
                  !ruling.action.reference.isEmpty, ruling.effectiveAt >= 0,
                  // Enforced only once effective.
                  enforcedAt.map({ $0 >= ruling.effectiveAt }) ?? true else {
                throw .invalidValue(offset: reader.offset, what: "ruling \(index + 1)")
            }
            jurisdictions.rulings.append(RulingRecord(id: Int64(index + 1), ruling: ruling, recordedAt: recordedAt,
                                                      enforcedAt: enforcedAt))
        }
        jurisdictions.deriveIndexes()
    }
}
