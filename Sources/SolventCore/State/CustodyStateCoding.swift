/// The custody part of the state's binary form (version 2, see `StateCoding.swift`): pending
/// withdrawals' fields, chain deposits, chain cursors. Decoding checks what the engine relies
/// on (ids in range, one record per outpoint, cursors of listed assets) and throws otherwise.
extension PendingWithdrawal: BinaryEncodable {
    /// Layout: account u32, asset u16, amount i64, fee i64, state u8, destination, txid.
    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(asset)
        writer.write(amount)
        writer.write(fee)
        writer.writeEnum(state)
        writer.write(CustodyText.checkedChainText(destination))
        writer.write(CustodyText.checkedChainText(txid))
    }
}

/// Layout: deposit (as in the `depositSeen` command), state u8, seenAt i64, creditedAt i64.
extension DepositRecord: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(deposit)
        writer.writeEnum(state)
        writer.write(seenAt)
        writer.write(creditedAt)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let deposit = try reader.read(ChainDeposit.self)
        let state = try reader.readEnum(State.self)
        self.init(deposit: deposit, state: state, seenAt: try reader.readInt64(), creditedAt: try reader.readInt64())
    }
}

extension Engine {
    func encodeCustody(_ writer: inout BinaryWriter) {
        writer.write(custody.nextDepositId)
        writer.write(UInt32(custody.deposits.count))
        for (id, record) in custody.deposits.sorted(by: { $0.key < $1.key }) {
            writer.write(id)
            writer.write(record)
        }
        writer.write(UInt32(custody.chainCursors.count))
        for (asset, cursor) in custody.chainCursors.sorted(by: { $0.key < $1.key }) {
            writer.write(asset)
            writer.write(cursor)
        }
        writer.write(UInt32(custody.withdrawalLimits.count))
        for (asset, limits) in custody.withdrawalLimits.sorted(by: { $0.key < $1.key }) {
            writer.write(asset)
            writer.write(limits.perAccount)
            writer.write(limits.perAsset)
        }
        writer.write(UInt32(custody.recentWithdrawals.count))
        for recent in custody.recentWithdrawals {
            writer.write(recent.time)
            writer.write(recent.account)
            writer.write(recent.asset)
            writer.write(recent.amount)
        }
    }

    mutating func decodeWithdrawals(_ reader: inout BinaryReader, version: UInt16) throws(BinaryDecodingError) {
        for _ in 0..<(try Self.readCount(&reader)) {
            let id = try reader.readInt64()
            var pending = PendingWithdrawal(account: try reader.readUInt32(), asset: try reader.readUInt16(),
                                            amount: try reader.readInt64())
            if version >= 2 {
                pending.fee = try reader.readInt64()
                pending.state = try reader.readEnum(WithdrawalState.self)
                pending.destination = try reader.readString(lengthMax: CustodyText.chainLengthMax)
                pending.txid = try reader.readString(lengthMax: CustodyText.chainLengthMax)
            }
            guard id > 0, id < counters.nextWithdrawalId, withdrawals[id] == nil,
                  pending.fee >= 0, pending.fee <= pending.amount else {
                throw .invalidValue(offset: reader.offset, what: "withdrawal \(id)")
            }
            withdrawals[id] = pending
        }
    }

    mutating func decodeCustody(_ reader: inout BinaryReader) throws(BinaryDecodingError) {
        custody.nextDepositId = try reader.readInt64()
        for _ in 0..<(try Self.readCount(&reader)) {
            let id = try reader.readInt64()
            let record = try reader.read(DepositRecord.self)
            guard id > 0, id < custody.nextDepositId, custody.deposits[id] == nil,
                  custody.depositsByOutpoint[record.deposit.outpoint] == nil,
                  ledger.contains(record.deposit.account), Int(record.deposit.asset) < assets.count else {
                throw .invalidValue(offset: reader.offset, what: "deposit \(id)")
            }
            custody.insert(record, id: id)
        }
        for _ in 0..<(try Self.readCount(&reader)) {
            let asset = try reader.readUInt16()
            let cursor = try reader.read(ChainCursor.self)
            guard Int(asset) < assets.count, custody.chainCursors[asset] == nil else {
                throw .invalidValue(offset: reader.offset, what: "chain cursor of asset \(asset)")
            }
            custody.chainCursors[asset] = cursor
        }
        for _ in 0..<(try Self.readCount(&reader)) {
            let asset = try reader.readUInt16()
            let limits = WithdrawalLimits(perAccount: try reader.readInt64(), perAsset: try reader.readInt64())
            guard Int(asset) < assets.count, custody.withdrawalLimits[asset] == nil, limits.isValid else {
                throw .invalidValue(offset: reader.offset, what: "withdrawal limits of asset \(asset)")
            }
            custody.withdrawalLimits[asset] = limits
        }
        for _ in 0..<(try Self.readCount(&reader)) {
            let recent = RecentWithdrawal(time: try reader.readInt64(), account: try reader.readUInt32(),
                                          asset: try reader.readUInt16(), amount: try reader.readInt64())
            guard Int(recent.asset) < assets.count, recent.amount > 0,
                  recent.time >= (custody.recentWithdrawals.last?.time ?? .min) else {
                throw .invalidValue(offset: reader.offset, what: "recent withdrawal")
            }
            custody.recentWithdrawals.append(recent)
        }
    }
}
