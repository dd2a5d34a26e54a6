/// Listing assets and markets, opening accounts, fees and trading permission.
extension Engine {
    /// Upper bounds that keep ids inside their integer types.
    static var assetCountMax: Int { Int(AssetId.max) }
    static var marketCountMax: Int { Int(MarketId.max) }
    static var accountCountMax: Int { Int(AccountId.max) }

    mutating func listAsset(_ spec: AssetSpec) {
        guard Self.isTicker(spec.name), spec.scale <= AssetSpec.scaleMax else {
            return reject(.invalidAssetSpec, stage: .command)
        }
        guard !assets.contains(where: { $0.name == spec.name }) else { return reject(.duplicateName, stage: .command) }
        guard assets.count < Self.assetCountMax else { return reject(.capacityExhausted, stage: .command) }
        assets.append(spec)
        ledger.addAsset()
        output.append(.assetListed(AssetId(assets.count - 1)))
    }

    mutating func listMarket(_ spec: MarketSpec) {
        guard Int(spec.base) < assets.count, Int(spec.quote) < assets.count else {
            return reject(.unknownAsset, stage: .command)
        }
        guard spec.problem(baseScale: assets[Int(spec.base)].scale) == nil else {
            return reject(.invalidMarketSpec, stage: .command)
        }
        guard !markets.contains(where: { $0.spec.symbol == spec.symbol }) else {
            return reject(.duplicateName, stage: .command)
        }
        guard markets.count < Self.marketCountMax else { return reject(.capacityExhausted, stage: .command) }
        markets.append(MarketState(spec: spec, baseScale: assets[Int(spec.base)].scale))
        output.append(.marketListed(MarketId(markets.count - 1)))
    }

    mutating func setMarketStatus(_ market: MarketId, _ status: MarketStatus) {
        guard Int(market) < markets.count else { return reject(.unknownSymbol, stage: .command) }
        markets[Int(market)].spec.status = status
        output.append(.marketStatusChanged(market, status))
    }

    mutating func openAccount(_ fees: FeeSchedule?) {
        let fees = fees ?? .standard
        guard fees.isValid else { return reject(.invalidAmount, stage: .command) }
        guard ledger.accountCount < Self.accountCountMax else { return reject(.capacityExhausted, stage: .command) }
        let id = ledger.openAccount(Account(fees: fees, balancesUpdatedAt: now))
        output.append(.accountOpened(id, fees))
    }

    mutating func setFees(_ account: AccountId, _ fees: FeeSchedule?) {
        let fees = fees ?? .standard
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        guard fees.isValid else { return reject(.invalidAmount, stage: .command) }
        var record = ledger.accounts[Int(account)]
        record.fees = fees
        ledger.setAccount(account, record)
        output.append(.feesChanged(account, fees))
    }

    mutating func setTradingEnabled(_ account: AccountId, _ enabled: Bool) {
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        var record = ledger.accounts[Int(account)]
        record.canTrade = enabled
        ledger.setAccount(account, record)
        output.append(.tradingEnabledChanged(account, enabled))
    }

    /// Asset tickers: 1...20 characters A-Z and 0-9.
    private static func isTicker(_ name: String) -> Bool {
        let bytes = name.utf8
        return (1...20).contains(bytes.count) && bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
