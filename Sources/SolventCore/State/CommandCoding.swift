/// The stable binary form of `Command`: what the journal stores, byte for byte.
///
/// A command is one tag byte naming the case, then that case's payload, in the field order below.
/// Integers are fixed-width little-endian, `Bool` is one byte 0/1, an optional is a presence byte
/// (0/1) then the value, an enum is its one-byte raw value, a string is a `UInt32` byte count and
/// its UTF-8. Payload layouts live beside the types they encode (`SpecCoding.swift`,
/// `OrderRequestCoding.swift`).
///
/// | tag | case                 | payload                                              |
/// |-----|----------------------|------------------------------------------------------|
/// |   0 | (reserved: never a command, so a zeroed record is refused)                  |
/// |   1 | `listAsset`          | AssetSpec                                            |
/// |   2 | `listMarket`         | MarketSpec                                           |
/// |   3 | `setMarketStatus`    | MarketId u16, MarketStatus u8                        |
/// |   4 | `openAccount`        | FeeSchedule?                                         |
/// |   5 | `setFees`            | AccountId u32, FeeSchedule?                          |
/// |   6 | `setTradingEnabled`  | AccountId u32, Bool                                  |
/// |   7 | `deposit`            | AccountId u32, AssetId u16, Amount i64               |
/// |   8 | `requestWithdrawal`  | AccountId u32, AssetId u16, Amount i64               |
/// |   9 | `confirmWithdrawal`  | WithdrawalId i64                                     |
/// |  10 | `releaseWithdrawal`  | WithdrawalId i64                                     |
/// |  11 | `placeOrder`         | NewOrder                                             |
/// |  12 | `cancelOrder`        | CancelOrder                                          |
/// |  13 | `cancelAllOrders`    | AccountId u32, MarketId u16                          |
/// |  14 | `cancelReplace`      | CancelReplace                                        |
/// |  15 | `amendOrder`         | AmendOrder                                           |
/// |  16 | `publishEpoch`       | EpochPublication                                     |
/// |  17 | `addWithdrawalAddress` | AccountId u32, WithdrawalAddress, addressDelay i64, withdrawalLock i64 |
/// |  18 | `securityChanged`    | AccountId u32, lock i64                              |
/// |  19 | `setAllowListOnly`   | AccountId u32, Bool, OperatorAction                  |
/// |  20 | `depositSeen`        | ChainDeposit                                         |
/// |  21 | `creditDeposit`      | DepositId i64                                        |
/// |  22 | `dropDeposit`        | DepositId i64                                        |
/// |  23 | `setChainCursor`     | AssetId u16, ChainCursor                             |
/// |  24 | `requestChainWithdrawal` | WithdrawalRequest                                |
/// |  25 | `approveWithdrawal`  | WithdrawalId i64, OperatorAction                     |
/// |  26 | `rejectWithdrawal`   | WithdrawalId i64, OperatorAction                     |
/// |  27 | `broadcastWithdrawal`| WithdrawalId i64, txid string                        |
/// |  28 | `freezeAccount`      | AccountId u32, OperatorAction                        |
/// |  29 | `unfreezeAccount`    | AccountId u32, OperatorAction                        |
/// |  30 | `setWithdrawalLimits`| AssetId u16, perAccount i64, perAsset i64, OperatorAction |
/// |  31 | `setAccountJurisdiction` | AccountId u32, Jurisdiction?, OperatorAction     |
/// |  32 | `setAssetRuling`     | AssetRuling                                          |
/// |  33 | `enforceRulings`     | (none)                                               |
/// |  34 | `recordAccessLogHead`| AccessLogHead                                        |
/// |35-  | (free: the next new case takes 35)                                          |
///
/// Versioning: a tag names a case *and* its payload layout, for ever. A tag is never reused or
/// renumbered. A new case takes the next free number. To change a case's payload, give the new
/// layout a new tag, encode only the new one, and keep decoding the old one, so that every journal
/// ever written still replays into the same state.
///
/// Decoding is strict so that the encoding is canonical: whatever decodes re-encodes to the same
/// bytes (unknown tags, enum values or set bits, a `Bool` other than 0/1, over-long strings and
/// invalid client ids all throw). Strict decoding never traps; corrupt input is an error value.
enum CommandTag: UInt8, CaseIterable {
    case listAsset = 1
    case listMarket = 2
    case setMarketStatus = 3
    case openAccount = 4
    case setFees = 5
    case setTradingEnabled = 6
    case deposit = 7
    case requestWithdrawal = 8
    case confirmWithdrawal = 9
    case releaseWithdrawal = 10
    case placeOrder = 11
    case cancelOrder = 12
    case cancelAllOrders = 13
    case cancelReplace = 14
    case amendOrder = 15
    case publishEpoch = 16
    case addWithdrawalAddress = 17
    case securityChanged = 18
    case setAllowListOnly = 19
    case depositSeen = 20
    case creditDeposit = 21
    case dropDeposit = 22
    case setChainCursor = 23
    case requestChainWithdrawal = 24
    case approveWithdrawal = 25
    case rejectWithdrawal = 26
    case broadcastWithdrawal = 27
    case freezeAccount = 28
    case unfreezeAccount = 29
    case setWithdrawalLimits = 30
    case setAccountJurisdiction = 31
    case setAssetRuling = 32
    case enforceRulings = 33
    case recordAccessLogHead = 34
}

extension Command {
    /// The table's tag for this case; the exhaustive switch makes a new case fail to compile
    /// until it has been given a number.
    var binaryTag: CommandTag {
        switch self {
        case .listAsset: .listAsset
        case .listMarket: .listMarket
        case .setMarketStatus: .setMarketStatus
        case .openAccount: .openAccount
        case .setFees: .setFees
        case .setTradingEnabled: .setTradingEnabled
        case .deposit: .deposit
        case .requestWithdrawal: .requestWithdrawal
        case .confirmWithdrawal: .confirmWithdrawal
        case .releaseWithdrawal: .releaseWithdrawal
        case .placeOrder: .placeOrder
        case .cancelOrder: .cancelOrder
        case .cancelAllOrders: .cancelAllOrders
        case .cancelReplace: .cancelReplace
        case .amendOrder: .amendOrder
        case .depositSeen: .depositSeen
        case .creditDeposit: .creditDeposit
        case .dropDeposit: .dropDeposit
        case .setChainCursor: .setChainCursor
        case .requestChainWithdrawal: .requestChainWithdrawal
        case .approveWithdrawal: .approveWithdrawal
        case .rejectWithdrawal: .rejectWithdrawal
        case .broadcastWithdrawal: .broadcastWithdrawal
        case .freezeAccount: .freezeAccount
        case .unfreezeAccount: .unfreezeAccount
        case .setWithdrawalLimits: .setWithdrawalLimits
        case .addWithdrawalAddress: .addWithdrawalAddress
        case .securityChanged: .securityChanged
        case .setAllowListOnly: .setAllowListOnly
        case .setAccountJurisdiction: .setAccountJurisdiction
        case .setAssetRuling: .setAssetRuling
        case .enforceRulings: .enforceRulings
        case .publishEpoch: .publishEpoch
        case .recordAccessLogHead: .recordAccessLogHead
        }
    }

    /// Whether `encode(to:)` accepts this command: every string fits its schema limit
    /// (`AssetSpec.nameLengthMax`, `MarketSpec.symbolLengthMax`). Everything else in a command is
    /// bounded by its type. Check this before sequencing a command; the engine would reject an
    /// over-long name anyway, so refusing it earlier loses nothing.
    public var isBinaryEncodable: Bool {
        switch self {
        case .listAsset(let spec): spec.isBinaryEncodable
        case .listMarket(let spec): spec.isBinaryEncodable
        case .setMarketStatus, .openAccount, .setFees, .setTradingEnabled, .deposit, .requestWithdrawal,
             .confirmWithdrawal, .releaseWithdrawal, .placeOrder, .cancelOrder, .cancelAllOrders,
             .cancelReplace, .amendOrder, .creditDeposit, .dropDeposit, .securityChanged, .enforceRulings,
             .recordAccessLogHead:
            true
        case .setAccountJurisdiction(_, let place, let action): (place?.isBinaryEncodable ?? true) && action.isBinaryEncodable
        case .setAssetRuling(let ruling): ruling.isBinaryEncodable
        case .depositSeen(let deposit): deposit.isBinaryEncodable
        case .setChainCursor(_, let cursor): cursor.isBinaryEncodable
        case .requestChainWithdrawal(let request): request.isBinaryEncodable
        case .approveWithdrawal(_, let action), .rejectWithdrawal(_, let action),
             .freezeAccount(_, let action), .unfreezeAccount(_, let action), .setWithdrawalLimits(_, _, let action),
             .setAllowListOnly(_, _, let action):
            action.isBinaryEncodable
        case .addWithdrawalAddress(_, let address, _): address.isBinaryEncodable
        case .broadcastWithdrawal(_, let txid): txid.utf8.count <= CustodyText.chainLengthMax
        case .publishEpoch(let publication): publication.isBinaryEncodable
        }
    }

    /// The journal bytes of this command. Traps unless `isBinaryEncodable`.
    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 128)
        encode(to: &writer)
        assert((try? Command.decode(writer.bytes)) == self, "command \(self) does not survive a round trip")
        return writer.bytes
    }

    /// The command in `bytes`, which must hold exactly one encoded command and nothing after it.
    public static func decode(_ bytes: [UInt8]) throws(BinaryDecodingError) -> Command {
        var reader = BinaryReader(bytes)
        let command = try Command(from: &reader)
        try reader.expectEnd()
        return command
    }
}

extension Command: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.writeEnum(binaryTag)
        switch self {
        case .listAsset(let spec):
            writer.write(spec)
        case .listMarket(let spec):
            writer.write(spec)
        case .setMarketStatus(let market, let status):
            writer.write(market)
            writer.writeEnum(status)
        case .openAccount(let fees):
            writer.writeOptional(fees)
        case .setFees(let account, let fees):
            writer.write(account)
            writer.writeOptional(fees)
        case .setTradingEnabled(let account, let enabled):
            writer.write(account)
            writer.write(enabled)
        case .deposit(let account, let asset, let amount),
             .requestWithdrawal(let account, let asset, let amount):
            writer.write(account)
            writer.write(asset)
            writer.write(amount)
        case .confirmWithdrawal(let withdrawal), .releaseWithdrawal(let withdrawal):
            writer.write(withdrawal)
        case .placeOrder(let order):
            writer.write(order)
        case .cancelOrder(let cancel):
            writer.write(cancel)
        case .cancelAllOrders(let account, let market):
            writer.write(account)
            writer.write(market)
        case .cancelReplace(let request):
            writer.write(request)
        case .amendOrder(let amend):
            writer.write(amend)
        case .depositSeen(let deposit):
            writer.write(deposit)
        case .creditDeposit(let id), .dropDeposit(let id):
            writer.write(id)
        case .setChainCursor(let asset, let cursor):
            writer.write(asset)
            writer.write(cursor)
        case .requestChainWithdrawal(let request):
            writer.write(request)
        case .approveWithdrawal(let id, let action), .rejectWithdrawal(let id, let action):
            writer.write(id)
            writer.write(action)
        case .broadcastWithdrawal(let id, let txid):
            writer.write(id)
            writer.write(CustodyText.checkedChainText(txid))
        case .freezeAccount(let account, let action), .unfreezeAccount(let account, let action):
            writer.write(account)
            writer.write(action)
        case .setWithdrawalLimits(let asset, let limits, let action):
            writer.write(asset)
            writer.write(limits.perAccount)
            writer.write(limits.perAsset)
            writer.write(action)
        case .addWithdrawalAddress(let account, let address, let delays):
            writer.write(account)
            writer.write(address)
            writer.write(delays.addressDelay)
            writer.write(delays.withdrawalLock)
        case .securityChanged(let account, let lock):
            writer.write(account)
            writer.write(lock)
        case .setAllowListOnly(let account, let on, let action):
            writer.write(account)
            writer.write(on)
            writer.write(action)
        case .setAccountJurisdiction(let account, let place, let action):
            writer.write(account)
            writer.writeOptional(place)
            writer.write(action)
        case .setAssetRuling(let ruling):
            writer.write(ruling)
        case .enforceRulings:
            break
        case .publishEpoch(let publication):
            writer.write(publication)
        case .recordAccessLogHead(let head):
            writer.write(head)
        }
    }
}

extension Command: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        switch try reader.readEnum(CommandTag.self) {
        case .listAsset:
            self = .listAsset(try reader.read(AssetSpec.self))
        case .listMarket:
            self = .listMarket(try reader.read(MarketSpec.self))
        case .setMarketStatus:
            self = .setMarketStatus(try reader.readUInt16(), try reader.readEnum(MarketStatus.self))
        case .openAccount:
            self = .openAccount(try reader.readOptional(FeeSchedule.self))
        case .setFees:
            self = .setFees(try reader.readUInt32(), try reader.readOptional(FeeSchedule.self))
        case .setTradingEnabled:
            self = .setTradingEnabled(try reader.readUInt32(), try reader.readBool())
        case .deposit:
            self = .deposit(try reader.readUInt32(), try reader.readUInt16(), try reader.readInt64())
        case .requestWithdrawal:
            self = .requestWithdrawal(try reader.readUInt32(), try reader.readUInt16(), try reader.readInt64())
        case .confirmWithdrawal:
            self = .confirmWithdrawal(try reader.readInt64())
        case .releaseWithdrawal:
            self = .releaseWithdrawal(try reader.readInt64())
        case .placeOrder:
            self = .placeOrder(try reader.read(NewOrder.self))
        case .cancelOrder:
            self = .cancelOrder(try reader.read(CancelOrder.self))
        case .cancelAllOrders:
            self = .cancelAllOrders(try reader.readUInt32(), try reader.readUInt16())
        case .cancelReplace:
            self = .cancelReplace(try reader.read(CancelReplace.self))
        case .amendOrder:
            self = .amendOrder(try reader.read(AmendOrder.self))
        case .depositSeen:
            self = .depositSeen(try reader.read(ChainDeposit.self))
        case .creditDeposit:
            self = .creditDeposit(try reader.readInt64())
        case .dropDeposit:
            self = .dropDeposit(try reader.readInt64())
        case .setChainCursor:
            self = .setChainCursor(try reader.readUInt16(), try reader.read(ChainCursor.self))
        case .requestChainWithdrawal:
            self = .requestChainWithdrawal(try reader.read(WithdrawalRequest.self))
        case .approveWithdrawal:
            self = .approveWithdrawal(try reader.readInt64(), try reader.read(OperatorAction.self))
        case .rejectWithdrawal:
            self = .rejectWithdrawal(try reader.readInt64(), try reader.read(OperatorAction.self))
        case .broadcastWithdrawal:
            self = .broadcastWithdrawal(try reader.readInt64(),
                                        txid: try reader.readString(lengthMax: CustodyText.chainLengthMax))
        case .freezeAccount:
            self = .freezeAccount(try reader.readUInt32(), try reader.read(OperatorAction.self))
        case .unfreezeAccount:
            self = .unfreezeAccount(try reader.readUInt32(), try reader.read(OperatorAction.self))
        case .setWithdrawalLimits:
            let asset = try reader.readUInt16()
            let limits = WithdrawalLimits(perAccount: try reader.readInt64(), perAsset: try reader.readInt64())
            self = .setWithdrawalLimits(asset, limits, try reader.read(OperatorAction.self))
        case .addWithdrawalAddress:
            let account = try reader.readUInt32()
            let address = try reader.read(WithdrawalAddress.self)
            let delays = SecurityDelays(addressDelay: try reader.readInt64(), withdrawalLock: try reader.readInt64())
            self = .addWithdrawalAddress(account, address, delays)
        case .securityChanged:
            self = .securityChanged(try reader.readUInt32(), lock: try reader.readInt64())
        case .setAllowListOnly:
            self = .setAllowListOnly(try reader.readUInt32(), try reader.readBool(), try reader.read(OperatorAction.self))
        case .setAccountJurisdiction:
            self = .setAccountJurisdiction(try reader.readUInt32(), try reader.readOptional(Jurisdiction.self),
                                           try reader.read(OperatorAction.self))
        case .setAssetRuling:
            self = .setAssetRuling(try reader.read(AssetRuling.self))
        case .enforceRulings:
            self = .enforceRulings
        case .publishEpoch:
            self = .publishEpoch(try reader.read(EpochPublication.self))
        case .recordAccessLogHead:
            self = .recordAccessLogHead(try reader.read(AccessLogHead.self))
        }
    }
}
