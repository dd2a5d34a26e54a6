/// Rebuilding an engine from `encodedState()` bytes (a snapshot). Corrupt or inconsistent input
/// throws; it never traps and never yields an engine whose invariants do not hold.
extension Engine {
    /// Bounds that keep a corrupt count from asking for absurd amounts of memory.
    static var decodedCountMax: Int { 100_000_000 }

    public init(encodedState bytes: [UInt8]) throws(BinaryDecodingError) {
        self.init()
        var reader = BinaryReader(bytes)
        for expected in Self.stateMagic where try reader.readUInt8() != expected {
            throw .invalidValue(offset: reader.offset, what: "state magic")
        }
        let version = try reader.readUInt16()
        guard (1...Self.stateVersion).contains(version) else {
            throw .invalidValue(offset: reader.offset, what: "state version")
        }
        counters = Counters(nextOrderId: try reader.readInt64(), nextWithdrawalId: try reader.readInt64(),
                            nextPreventedMatchId: try reader.readInt64())
        ledger = Ledger()
        for _ in 0..<(try Self.readCount(&reader)) {
            let asset = try reader.read(AssetSpec.self)
            guard asset.scale <= AssetSpec.scaleMax else { throw .invalidValue(offset: reader.offset, what: "scale") }
            assets.append(asset)
            ledger.addAsset()
        }
        try decodeLedger(&reader, version: version)
        for _ in 0..<(try Self.readCount(&reader)) { try decodeMarket(&reader) }
        try decodeWithdrawals(&reader, version: version)
        if version >= 2 { try decodeCustody(&reader) }
        if version >= 3 { latestEpoch = try reader.readOptional(EpochPublication.self) }
        if let latestEpoch, latestEpoch.epoch == 0 || latestEpoch.signedHeader.isEmpty {
            throw .invalidValue(offset: reader.offset, what: "latest epoch")
        }
        if version >= 4 { try decodeProtections(&reader) }
        if version >= 5 { try decodeJurisdictions(&reader) }
        if version >= 6 { accessLogHead = try reader.readOptional(AccessLogHead.self) }
        // The engine never records head 0 (the empty log), so a snapshot that holds it is corrupt.
        if accessLogHead?.index == 0 { throw .invalidValue(offset: reader.offset, what: "access log head") }
        try reader.expectEnd()
        let problems = invariantViolations()
        guard problems.isEmpty else { throw .invalidValue(offset: reader.offset, what: "state: \(problems[0])") }
    }

    private mutating func decodeLedger(_ reader: inout BinaryReader, version: UInt16) throws(BinaryDecodingError) {
        let accountCount = try Self.readCount(&reader)
        for _ in 0..<accountCount {
            let fees = try reader.read(FeeSchedule.self)
            guard fees.isValid else { throw .invalidValue(offset: reader.offset, what: "fee schedule") }
            let canTrade = try reader.readBool()
            let frozen = version >= 2 ? try reader.readBool() : false
            let updatedAt = version >= 3 ? try reader.readInt64() : 0
            _ = ledger.openAccount(Account(fees: fees, canTrade: canTrade, frozen: frozen, balancesUpdatedAt: updatedAt))
        }
        ledger.restore(balances: try (0..<accountCount * ledger.assetCount).map { _ throws(BinaryDecodingError) in
            Balance(free: try reader.readInt64(), locked: try reader.readInt64())
        }, totals: try (0..<ledger.assetCount).map { _ throws(BinaryDecodingError) in
            (try reader.readInt64(), try reader.readInt64())
        })
    }

    private mutating func decodeMarket(_ reader: inout BinaryReader) throws(BinaryDecodingError) {
        let spec = try reader.read(MarketSpec.self)
        guard Int(spec.base) < assets.count, Int(spec.quote) < assets.count,
              spec.problem(baseScale: assets[Int(spec.base)].scale) == nil else {
            throw .invalidValue(offset: reader.offset, what: "market spec")
        }
        var market = MarketState<Book>(spec: spec, baseScale: assets[Int(spec.base)].scale)
        market.lastPrice = try reader.readInt64()
        market.nextTradeId = try reader.readInt64()
        let minutes = Int(try reader.readUInt32())
        guard minutes == market.averagePrice.minutes else {
            throw .invalidValue(offset: reader.offset, what: "average price window")
        }
        let buckets = try (0..<max(minutes, 1)).map { _ throws(BinaryDecodingError) in
            AveragePriceWindow.Bucket(minute: try reader.readInt64(), quote: try reader.readInt64(),
                                      quantity: try reader.readInt64())
        }
        market.averagePrice = AveragePriceWindow(minutes: minutes, buckets: buckets)
        markets.append(market)
        let m = markets.count - 1
        for list in [Side.buy, .sell, nil] {
            for _ in 0..<(try Self.readCount(&reader)) {
                let order = try reader.read(Order.self)
                guard Self.canHold(order, in: list, market: m), markets[m].openOrder(order.id) == nil else {
                    throw .invalidValue(offset: reader.offset, what: "order \(order.id)")
                }
                if list == nil { markets[m].stops.insert(order) } else { markets[m].book.insert(order) }
                register(order)
            }
        }
    }

    /// Whether a decoded order may go where the snapshot puts it: the book side `side`, or the stop
    /// queue when `side` is nil. What the book and queue assume must hold before they see it.
    private static func canHold(_ order: Order, in side: Side?, market m: Int) -> Bool {
        guard Int(order.market) == m, order.status.isOpen, order.remainingQuantity > 0, order.reserved >= 0 else {
            return false
        }
        guard let side else { return order.isPendingTrigger && order.stopPrice > 0 }
        return order.side == side && !order.isPendingTrigger && order.price > 0
            && order.visibleQuantity > 0 && order.visibleQuantity <= order.remainingQuantity
    }

    static func readCount(_ reader: inout BinaryReader) throws(BinaryDecodingError) -> Int {
        let count = Int(try reader.readUInt32())
        // Every counted item takes at least one byte, so a count beyond the bytes left is corrupt.
        guard count <= reader.remainingCount, count <= decodedCountMax else {
            throw .invalidValue(offset: reader.offset, what: "count \(count)")
        }
        return count
    }
}

extension Ledger {
    /// Replaces balances and totals wholesale, for decoding a snapshot.
    mutating func restore(balances: [Balance], totals: [(deposited: Amount, withdrawn: Amount)]) {
        precondition(balances.count == accountCount * assetCount && totals.count == assetCount,
                     "restored ledger has the wrong shape")
        self.balances = balances
        deposited = totals.map(\.deposited)
        withdrawn = totals.map(\.withdrawn)
    }
}
