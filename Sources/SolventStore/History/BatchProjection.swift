import SolventCore

/// The rows one `record` call adds or changes (one or more consecutive batches), gathered before
/// anything is written so that each order is written once (its last state) and each bar once per
/// interval.
package struct BatchProjection {
    package init() {}

    /// A market and a millisecond in which it got new orders.
    struct CreationTime: Hashable {
        var market: MarketId
        var createdAt: Timestamp
    }

    /// Latest state of each order the batches touched, in the order they were first touched.
    package private(set) var orders: [Order] = []
    /// Where each touched order is in `orders`.
    private var orderPositions: [OrderId: Int] = [:]
    /// The first order id created in each market at each of the batches' times (`order_times`).
    private(set) var firstOrderIds: [CreationTime: OrderId] = [:]
    private(set) var accountTrades: [AccountTrade] = []
    private(set) var trades: [Trade] = []
    private(set) var ledger: [LedgerRecord] = []
    private(set) var klines = KlineProjection()

    /// Positions in `orders` by order id, ascending. Sorting (id, position) pairs moves 16 bytes
    /// a step where sorting the orders would move a whole order.
    func orderPositionsById() -> [Int] {
        orderPositions.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Takes in the commands of `batch` from its `start`th on (those before are already recorded).
    package mutating func add(_ batch: HistoryBatch, from start: Int = 0) {
        for index in start..<batch.commandEvents.count {
            add(batch.commandEvents[index], sequence: batch.firstSequence + UInt64(index), time: batch.time)
        }
    }

    /// Takes in the events of the command with sequence `sequence`, applied at `time`.
    mutating func add(_ events: ArraySlice<Event>, sequence: UInt64, time: Timestamp) {
        for event in events {
            switch event {
            case .order(let change):
                if let position = orderPositions[change.order.id] {
                    assert(orders[position].updatedAt <= change.order.updatedAt,
                           "order \(change.order.id) went back in time")
                    orders[position] = change.order
                } else {
                    orderPositions[change.order.id] = orders.count
                    orders.append(change.order)
                    // An order created by this command (or by an earlier one in the same
                    // millisecond: keeping the smaller id is right for both).
                    if change.order.createdAt == time {
                        let key = CreationTime(market: change.order.market, createdAt: time)
                        firstOrderIds[key] = min(firstOrderIds[key] ?? .max, change.order.id)
                    }
                }
                if case .fill(let fill) = change.detail {
                    accountTrades.append(AccountTrade(change, fill))
                }
            case .trade(let trade):
                trades.append(trade)
                klines.add(trade)
            case .ledger(let entry):
                ledger.append(LedgerRecord(sequence: sequence, entry))
            case .assetListed, .marketListed, .marketStatusChanged, .accountOpened, .feesChanged,
                 .tradingEnabledChanged, .rejected, .balance, .custody:
                // Reference data and balances live in the core's state; rejections leave no history;
                // custody records (deposits, withdrawals in flight) live in the core's state too.
                break
            }
        }
    }
}

/// The bars a batch's trades fall in, for every interval.
///
/// Trades are first summed per market and second, then each second is added to the bar of
/// every other interval that contains it: every interval starts on a whole second, so a second
/// never straddles two bars. A batch's commands share one time, so a batch usually touches one
/// bar per interval per market: the store then writes at most 16 bar rows per market per batch,
/// whatever the number of trades.
struct KlineProjection {
    struct Key: Hashable {
        var market: MarketId
        var interval: KlineInterval
        var openTime: Timestamp
    }

    private var seconds: [Key: KlineBucket] = [:]

    mutating func add(_ trade: Trade) {
        let openTime = KlineInterval.oneSecond.openTime(containing: trade.time)
        let key = Key(market: trade.market, interval: .oneSecond, openTime: openTime)
        let single = KlineBucket(openTime: openTime, trade: trade)
        if seconds[key] != nil { seconds[key]!.absorb(single) } else { seconds[key] = single }
    }

    var isEmpty: Bool { seconds.isEmpty }

    /// Every bar of every interval the trades fall in.
    func bars() -> [Key: KlineBucket] {
        var bars = seconds
        for (secondKey, second) in seconds {
            for interval in KlineInterval.allCases where interval != .oneSecond {
                let openTime = interval.openTime(containing: secondKey.openTime)
                let key = Key(market: secondKey.market, interval: interval, openTime: openTime)
                var part = second
                part.openTime = openTime
                if bars[key] != nil { bars[key]!.absorb(part) } else { bars[key] = part }
            }
        }
        return bars
    }
}
