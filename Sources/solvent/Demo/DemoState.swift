import SolventCore

/// One market's public tape: recent trades and the session's price range and volume.
struct MarketTape: Sendable {
    static let recentMax = 6

    var recent: [Trade] = []          // newest last, at most `recentMax`
    var openPrice: Price?
    var high: Price = 0
    var low: Price = .max
    var baseVolume: Amount = 0
    var quoteVolume: Amount = 0
    var trades = 0

    mutating func record(_ trade: Trade) {
        if openPrice == nil { openPrice = trade.price }
        high = max(high, trade.price)
        low = min(low, trade.price)
        baseVolume += trade.quantity
        quoteVolume += trade.quote
        trades += 1
        recent.append(trade)
        if recent.count > Self.recentMax { recent.removeFirst() }
    }
}

/// What the demo knows from the events: every open order by account (the traders' memory), the
/// tapes, money that crossed the boundary, and counters.
struct DemoState: Sendable {
    private(set) var openOrders: [OrderId: Order] = [:]
    private(set) var ordersByAccount: [AccountId: Set<OrderId>] = [:]
    private(set) var tapes: [MarketTape]
    /// Σ deposits and Σ confirmed withdrawals per asset: the right side of the conservation check.
    private(set) var deposited: [Amount]
    private(set) var withdrawn: [Amount]
    /// Withdrawals requested and not yet confirmed or released.
    private(set) var pendingWithdrawals: [WithdrawalId] = []
    private(set) var rejections: [String: Int] = [:]
    /// Every balance as the last event reported it: what the treasury looks at.
    private var balances: [BalanceKey: Balance] = [:]
    private(set) var commands = 0
    private(set) var events = 0

    init(markets: Int, assets: Int) {
        tapes = Array(repeating: MarketTape(), count: markets)
        deposited = Array(repeating: 0, count: assets)
        withdrawn = Array(repeating: 0, count: assets)
    }

    func orders(of account: AccountId) -> [Order] {
        (ordersByAccount[account] ?? []).compactMap { openOrders[$0] }.sorted { $0.id < $1.id }
    }

    var rejectionCount: Int { rejections.values.reduce(0, +) }

    func balance(of account: AccountId, _ asset: AssetId) -> Balance {
        balances[BalanceKey(account: account, asset: asset)] ?? Balance()
    }

    /// Learns from one command's events.
    mutating func absorb(_ events: some Collection<Event>) {
        commands += 1
        self.events += events.count
        for event in events {
            switch event {
            case .order(let report):
                track(report.order)
            case .trade(let trade):
                tapes[Int(trade.market)].record(trade)
            case .ledger(let entry):
                record(entry)
            case .rejected(let rejection):
                rejections[rejection.reason.message, default: 0] += 1
            case .balance(let change):
                balances[BalanceKey(account: change.account, asset: change.asset)] =
                    Balance(free: change.free, locked: change.locked)
            default:
                break
            }
        }
    }

    private mutating func track(_ order: Order) {
        if order.status.isOpen {
            openOrders[order.id] = order
            ordersByAccount[order.account, default: []].insert(order.id)
        } else if openOrders.removeValue(forKey: order.id) != nil {
            ordersByAccount[order.account]?.remove(order.id)
        }
    }

    private mutating func record(_ entry: LedgerEntry) {
        switch entry.kind {
        case .deposit:
            deposited[Int(entry.asset)] += entry.amount
        case .withdrawalRequested:
            pendingWithdrawals.append(entry.withdrawal)
        case .withdrawalConfirmed:
            withdrawn[Int(entry.asset)] += entry.amount
            pendingWithdrawals.removeAll { $0 == entry.withdrawal }
        case .withdrawalReleased:
            pendingWithdrawals.removeAll { $0 == entry.withdrawal }
        }
    }
}

private struct BalanceKey: Hashable, Sendable {
    var account: AccountId
    var asset: AssetId
}
