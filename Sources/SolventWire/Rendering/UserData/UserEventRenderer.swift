import SolventCore

/// Turns one command's events into the user-data events of the accounts that want them (spec
/// §6.1): an `executionReport` per order event and a `balanceUpdate` per deposit or withdrawal as
/// they happened, then one `outboundAccountPosition` per account whose balances the command
/// changed, listing those assets (the engine reports balances once per command, after everything
/// else it did).
public struct UserEventRenderer {
    let assets: [AssetSpec]
    let markets: [MarketSpec]

    /// The listings by id, as the events name assets and markets.
    public init(assets: [AssetSpec], markets: [MarketSpec]) {
        self.assets = assets
        self.markets = markets
    }

    public func render(_ events: ArraySlice<Event>, sequence: UInt64, wanted: (AccountId) -> Bool,
                       into result: inout [UserEvent]) {
        var positions = PositionCollector()
        for event in events {
            switch event {
            case .order(let order) where wanted(order.order.account):
                guard let names = marketNames(order.order.market) else { continue }
                result.append(UserEvent(account: order.order.account, sequence: sequence,
                                        json: ExecutionReportJSON.render(order, market: names,
                                                                         executionId: Int64(sequence))))
            case .ledger(let entry) where wanted(entry.account):
                guard let delta = BalanceUpdateJSON.freeDelta(of: entry), let asset = asset(entry.asset) else { continue }
                result.append(UserEvent(account: entry.account, sequence: sequence,
                                        json: BalanceUpdateJSON.render(asset: asset.name, scale: asset.scale,
                                                                       delta: delta, time: entry.time)))
            case .balance(let change) where wanted(change.account):
                guard let asset = asset(change.asset) else { continue }
                positions.add(change, asset: asset)
            default:
                continue
            }
        }
        for (account, lines, time) in positions.accounts {
            result.append(UserEvent(account: account, sequence: sequence,
                                    json: AccountPositionJSON.render(lines, time: time)))
        }
    }

    private func marketNames(_ id: MarketId) -> MarketNames? {
        guard Int(id) < markets.count else { return nil }
        let spec = markets[Int(id)]
        guard let base = asset(spec.base), let quote = asset(spec.quote) else { return nil }
        return MarketNames(spec: spec, base: base, quote: quote)
    }

    private func asset(_ id: AssetId) -> AssetSpec? {
        Int(id) < assets.count ? assets[Int(id)] : nil
    }
}

/// One command's balance changes grouped by account, accounts and assets in the order the
/// engine first touched them.
private struct PositionCollector {
    private(set) var accounts: [(account: AccountId, lines: [PositionLine], time: Timestamp)] = []

    mutating func add(_ change: BalanceChange, asset: AssetSpec) {
        let line = PositionLine(asset: asset.name, scale: asset.scale, free: change.free, locked: change.locked)
        if let index = accounts.firstIndex(where: { $0.account == change.account }) {
            accounts[index].lines.append(line)
        } else {
            accounts.append((change.account, [line], change.time))
        }
    }
}
