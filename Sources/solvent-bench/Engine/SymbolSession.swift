import SolventCommandLine
import SolventCore

/// What a generated command is, in exchange-core's terms.
enum CommandKind: Int, CaseIterable, Sendable {
    case gtc, ioc, fok, cancel, move, reduce
    /// A reduce by the whole remainder: exchange-core's reduce then removes the order; a
    /// keep-priority amend cannot go to zero, so it is sent as a cancel.
    case reduceToCancel

    var label: String {
        switch self {
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK (budget)"
        case .cancel: "cancel"
        case .move: "move"
        case .reduce: "reduce"
        case .reduceToCancel: "reduce→cancel"
        }
    }
}

/// What one command did, read from its events.
struct CommandOutcome: Sendable {
    var fills = 0
    var rejections: [Rejection] = []
}

/// exchange-core's single-book generator session, ported: it decides the next command for one
/// symbol from what it believes is on the book, and learns what happened from the engine's events.
///
/// Its control loop keeps each side near `targetHalf` resting orders: every 512 commands (and after
/// any instant order that did not fill completely) it looks at the book; a side short of orders
/// gets GTC placements, a full book gets IOC/FOK orders that eat into it, and in between most
/// commands move, cancel or reduce one of the 512 oldest live orders.
struct SymbolSession: Sendable {
    static let statIntervalMax = 512
    static let pickWindow = 512

    let symbol: Int
    let market: MarketId
    let prices: PriceModel
    let pool: AccountPool
    let targetHalf: Int
    private let lackFastFillThreshold: Int
    private let statInterval: Int
    private var random: SeededRandom
    private(set) var live = LiveOrders()
    private(set) var lastTicks: Int64
    private var statBuy = 0, statSell = 0
    private var filledOnce = false
    private var sequence = 0
    private var nextStatCheck: Int
    /// The slot of the order being moved by the command in flight.
    private var movingSlot: Int?

    init(symbol: Int, market: MarketId, prices: PriceModel, pool: AccountPool, targetOrders: Int,
         random: SeededRandom) {
        precondition(targetOrders >= 2, "a book needs a target of at least one order a side")
        self.symbol = symbol
        self.market = market
        self.prices = prices
        self.pool = pool
        self.targetHalf = targetOrders / 2
        self.lackFastFillThreshold = min(Self.statIntervalMax, targetHalf * 3 / 4)
        self.statInterval = min(Self.statIntervalMax, targetOrders + 1)
        self.nextStatCheck = statInterval
        self.random = random
        self.lastTicks = prices.startTicks
    }

    // MARK: Deciding

    /// A prefill command: always a GTC.
    mutating func nextPrefill() -> (Command, CommandKind) {
        (gtc(), .gtc)
    }

    /// The next command of the timed stream.
    mutating func nextCommand() -> (Command, CommandKind) {
        let side: Side = random.below(4) >= 2 ? .buy : .sell
        let lack = targetHalf - (side == .buy ? statBuy : statSell)
        let grow = lack > 0
        let fastFill = !filledOnce || lack > lackFastFillThreshold
        if !filledOnce && !grow { filledOnce = true }

        let q = random.below(grow ? (fastFill ? 2 : 10) : 40)
        if q < 2 || live.isEmpty {
            return grow ? (gtc(), .gtc) : instant()
        }
        let slot = live.slot(ofRank: random.below(min(live.count, Self.pickWindow)))
        let target = live[slot]
        switch q {
        case 2:
            return (cancel(target), .cancel)
        case 3:
            let reduceBy = Int64(random.below(Int(target.remainingLots))) + 1
            if reduceBy >= target.remainingLots { return (cancel(target), .reduceToCancel) }
            let amend = AmendOrder(account: target.account, market: market, order: .id(target.id),
                                   newQuantity: BenchMarket.quantity(lots: target.quantityLots - reduceBy))
            return (.amendOrder(amend), .reduce)
        default:
            let newTicks = prices.movedTicks(from: target.priceTicks, lastTicks: lastTicks, using: &random)
            movingSlot = live.detach(target.id)
            let replacement = NewOrder.limit(target.account, market, target.side,
                                             price: BenchMarket.price(ticks: newTicks),
                                             quantity: BenchMarket.quantity(lots: target.remainingLots))
            let cancel = CancelOrder(account: target.account, market: market, order: .id(target.id))
            return (.cancelReplace(CancelReplace(mode: .stopOnFailure, cancel: cancel, replacement: replacement)), .move)
        }
    }

    private mutating func gtc() -> Command {
        let side: Side = random.below(4) >= 2 ? .buy : .sell
        let account = pool.account(symbol: symbol, user: random.below(pool.usersPerSymbol))
        let ticks = prices.gtcTicks(side, lastTicks: lastTicks, using: &random)
        let lots = 1 + Int64(random.below(6) * random.below(6) * random.below(6))
        return .placeOrder(.limit(account, market, side, price: BenchMarket.price(ticks: ticks),
                                  quantity: BenchMarket.quantity(lots: lots)))
    }

    /// IOC, or one time in 32 a FOK, at the band's far edge: exchange-core's IOC and FOK_BUDGET.
    /// FOK_BUDGET fills its whole size or nothing within a budget of size × band edge; a FOK limit
    /// at the band edge is the same all-or-nothing order in Binance terms.
    private mutating func instant() -> (Command, CommandKind) {
        let side: Side = random.below(4) >= 2 ? .buy : .sell
        let account = pool.account(symbol: symbol, user: random.below(pool.usersPerSymbol))
        let isFOK = random.oneIn(32)
        let lots = isFOK ? 1 + Int64(random.below(8) * random.below(8) * random.below(8))
                         : 1 + Int64(random.below(6) * random.below(6) * random.below(6))
        let order = NewOrder.limit(account, market, side, price: BenchMarket.price(ticks: prices.instantTicks(side)),
                                   quantity: BenchMarket.quantity(lots: lots), timeInForce: isFOK ? .fok : .ioc)
        return (.placeOrder(order), isFOK ? .fok : .ioc)
    }

    private func cancel(_ target: TrackedOrder) -> Command {
        .cancelOrder(CancelOrder(account: target.account, market: market, order: .id(target.id)))
    }

    // MARK: Learning

    /// Reads the events of the command just generated, updating the live orders and the price.
    mutating func absorb(_ events: [Event], kind: CommandKind) -> CommandOutcome {
        var outcome = CommandOutcome()
        var instantUnfilled = false
        for event in events {
            switch event {
            case .order(let report) where report.order.market == market:
                instantUnfilled = absorb(report) || instantUnfilled
            case .trade(let trade) where trade.market == market:
                outcome.fills += 1
                lastTicks = prices.clamped(BenchMarket.ticks(trade.price))
            case .rejected(let rejection):
                outcome.rejections.append(rejection)
            default:
                break
            }
        }
        if let slot = movingSlot {
            // The replacement never rested: the cancel or the new order was refused.
            live.kill(slot)
            movingSlot = nil
        }
        sequence += 1
        if instantUnfilled || sequence > nextStatCheck {
            if sequence > nextStatCheck { nextStatCheck += statInterval }
            statBuy = live.count(.buy)
            statSell = live.count(.sell)
        }
        return outcome
    }

    /// One executionReport; returns true when it is an instant order expiring unfilled.
    private mutating func absorb(_ report: OrderEvent) -> Bool {
        let order = report.order
        switch report.execution {
        case .new:
            guard order.timeInForce == .gtc, order.status.isOpen else { return false }
            let tracked = TrackedOrder(id: order.id, account: order.account, side: order.side,
                                       priceTicks: BenchMarket.ticks(order.price),
                                       quantityLots: BenchMarket.lots(order.quantity),
                                       remainingLots: BenchMarket.lots(order.remainingQuantity))
            if let slot = movingSlot {
                live.rekey(slot, to: tracked)
                movingSlot = nil
            } else {
                live.append(tracked)
            }
        case .trade, .replaced:
            guard let slot = live.slot(of: order.id) else { return false }
            if order.status.isOpen {
                live[slot].quantityLots = BenchMarket.lots(order.quantity)
                live[slot].remainingLots = BenchMarket.lots(order.remainingQuantity)
            } else {
                live.remove(order.id)
            }
        case .canceled, .expired, .rejected:
            if live.remove(order.id) == nil, report.execution == .expired, order.timeInForce != .gtc {
                return true
            }
        case .tradePrevention:
            break
        }
        return false
    }
}
