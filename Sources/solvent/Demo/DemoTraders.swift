import SolventCommandLine
import SolventCore

/// The demo's simulated traders. Market makers keep three quote levels a side around a random-walk
/// mid price, moving them by cancel-replace, trimming them by keep-priority amend and pulling them;
/// takers send market orders (by quantity and by quote amount), IOC and GTC limits, stop-loss and
/// take-profit orders, and cancel their own orders; now and then money comes in or goes out.
///
/// Traders decide from what the events told them (`DemoState`), never by peeking into the engine,
/// except for a free balance before asking to withdraw.
struct DemoTraders {
    static let quoteLevels = 3

    let venue: DemoVenue
    private var random: SeededRandom
    /// Mid prices in whole quote per whole base; ETHBTC follows from the two USDT mids.
    private var btcUsdt = 65_000.0
    private var ethUsdt = 3_200.0

    init(venue: DemoVenue, seed: UInt64) {
        self.venue = venue
        self.random = SeededRandom(seed: seed)
    }

    mutating func nextCommand(_ state: DemoState, balance: (AccountId, AssetId) -> Balance) -> Command {
        walkMids()
        let roll = random.below(1_000)
        if roll < 15 { return treasury(state, balance: balance) }
        if roll < 560 { return makerStep(state) }
        return takerStep(state)
    }

    /// The mid in ticks of `market`.
    func midTicks(_ market: DemoMarket) -> Int64 {
        let value = switch market.id {
        case 0: btcUsdt
        case 1: ethUsdt
        default: ethUsdt / btcUsdt
        }
        return Int64((value * 100_000_000 / Double(market.tick)).rounded())
    }

    private mutating func walkMids() {
        guard random.oneIn(8) else { return }
        let common = (random.unit() - 0.5) * 0.0004
        btcUsdt *= 1 + common + (random.unit() - 0.5) * 0.0002
        ethUsdt *= 1 + common + (random.unit() - 0.5) * 0.0003
    }

    // MARK: Makers

    private mutating func makerStep(_ state: DemoState) -> Command {
        let marketIndex = random.below(venue.markets.count)
        let market = venue.markets[marketIndex]
        let makerIndex = random.below(venue.makersPerMarket)
        let maker = venue.maker(makerIndex, of: marketIndex)
        let side: Side = random.below(2) == 0 ? .buy : .sell
        let quotes = state.orders(of: maker).filter { $0.market == market.id && $0.side == side }
        let levelPrice = { (traders: inout DemoTraders, level: Int) -> Price in
            traders.quotePrice(market, side, makerIndex: makerIndex, level: level)
        }

        if quotes.count < Self.quoteLevels {
            let price = levelPrice(&self, quotes.count)
            let quantity = size(market, coins: baseSize(market) * (2 + 30 * random.unit()))
            var order = NewOrder.limit(maker, market.id, side, price: price, quantity: quantity)
            if random.oneIn(10) { order.type = .limitMaker; order.timeInForce = nil }   // post-only
            return .placeOrder(order)
        }
        let quote = quotes[random.below(quotes.count)]
        let roll = random.below(100)
        if roll < 65 {
            let replacement = NewOrder.limit(maker, market.id, side, price: levelPrice(&self, random.below(Self.quoteLevels)),
                                             quantity: quote.remainingQuantity)
            let cancel = CancelOrder(account: maker, market: market.id, order: .id(quote.id))
            return .cancelReplace(CancelReplace(mode: .stopOnFailure, cancel: cancel, replacement: replacement))
        }
        if roll < 85 {
            let half = quote.remainingQuantity / 2 / market.step * market.step
            let newQuantity = quote.executedQuantity + max(market.step, half)
            if newQuantity < quote.quantity {
                return .amendOrder(AmendOrder(account: maker, market: market.id, order: .id(quote.id),
                                              newQuantity: newQuantity))
            }
        }
        return .cancelOrder(CancelOrder(account: maker, market: market.id, order: .id(quote.id)))
    }

    /// Maker `makerIndex`'s price for quote `level` (0 nearest): a half-spread that widens with the
    /// maker's index, a little jitter, then one gap per level.
    private mutating func quotePrice(_ market: DemoMarket, _ side: Side, makerIndex: Int, level: Int) -> Price {
        let gap = market.gapTicks
        let half = gap * Int64(makerIndex + 1) / 2 + Int64(random.below(Int(gap / 2) + 1)) + 1
        let offset = half + Int64(level) * gap
        let ticks = side == .buy ? midTicks(market) - offset : midTicks(market) + offset
        return max(1, ticks) * market.tick
    }

    // MARK: Takers

    private mutating func takerStep(_ state: DemoState) -> Command {
        let taker = venue.taker(random.below(venue.takers))
        let weights = [50, 30, 20]
        var pick = random.below(100), marketIndex = 0
        while pick >= weights[marketIndex] { pick -= weights[marketIndex]; marketIndex += 1 }
        let market = venue.markets[marketIndex]
        let side: Side = random.below(2) == 0 ? .buy : .sell
        let mid = midTicks(market)
        let gap = market.gapTicks
        let quantity = size(market, coins: baseSize(market) * (0.05 + 3 * random.unit() * random.unit()))
        let roll = random.below(100)
        switch roll {
        case ..<35:
            return .placeOrder(NewOrder(account: taker, market: market.id, side: side, type: .market, quantity: quantity))
        case ..<50:
            let u = random.unit()
            let quoteCoins = market.quote == DemoVenue.usdt ? 20 + 2_000 * u * u : 0.0005 + 0.03 * u * u
            return .placeOrder(NewOrder(account: taker, market: market.id, side: side, type: .market,
                                        quoteOrderQuantity: Int64(quoteCoins * 100_000_000) / market.tick * market.tick))
        case ..<65:
            let ticks = side == .buy ? mid + 2 * gap : mid - 2 * gap
            return .placeOrder(.limit(taker, market.id, side, price: ticks * market.tick, quantity: quantity,
                                      timeInForce: .ioc))
        case ..<80:
            let away = Int64(random.below(6) - 2) * gap
            let ticks = side == .buy ? mid - away : mid + away
            return .placeOrder(.limit(taker, market.id, side, price: max(1, ticks) * market.tick, quantity: quantity))
        case ..<90:
            return stopOrder(taker, market, side, quantity: quantity, state: state)
        default:
            let mine = state.orders(of: taker)
            guard !mine.isEmpty else {
                return .placeOrder(NewOrder(account: taker, market: market.id, side: side, type: .market, quantity: quantity))
            }
            let order = mine[random.below(mine.count)]
            return .cancelOrder(CancelOrder(account: taker, market: order.market, order: .id(order.id)))
        }
    }

    /// A stop-loss or take-profit order, its stop on the side of the last price that makes it wait.
    private mutating func stopOrder(_ taker: AccountId, _ market: DemoMarket, _ side: Side, quantity: Quantity,
                                    state: DemoState) -> Command {
        let types: [OrderType] = [.stopLoss, .stopLossLimit, .takeProfit, .takeProfitLimit]
        let type = types[random.below(types.count)]
        let lastTicks = (state.tapes[Int(market.id)].recent.last?.price).map { $0 / market.tick } ?? midTicks(market)
        // Stop-loss buys and take-profit sells wait for the price to rise; the others for it to fall.
        let waitsForRise = (type == .stopLoss || type == .stopLossLimit) == (side == .buy)
        let distance = Int64(1 + random.below(10)) * market.gapTicks
        let stopTicks = max(1, waitsForRise ? lastTicks + distance : lastTicks - distance)
        var order = NewOrder(account: taker, market: market.id, side: side, type: type, quantity: quantity,
                             stopPrice: stopTicks * market.tick)
        if type.hasLimitPrice {
            let limitTicks = side == .buy ? stopTicks + 2 * market.gapTicks : max(1, stopTicks - 2 * market.gapTicks)
            order.price = limitTicks * market.tick
            order.timeInForce = .gtc
        }
        return .placeOrder(order)
    }

    // MARK: Money in and out

    private mutating func treasury(_ state: DemoState, balance: (AccountId, AssetId) -> Balance) -> Command {
        let account = AccountId(1 + random.below(venue.accountCount))
        let asset = AssetId(random.below(DemoVenue.assetNames.count))
        let roll = random.below(10)
        if roll < 3, !state.pendingWithdrawals.isEmpty {
            let withdrawal = state.pendingWithdrawals[random.below(state.pendingWithdrawals.count)]
            return random.below(4) == 0 ? .releaseWithdrawal(withdrawal) : .confirmWithdrawal(withdrawal)
        }
        let free = balance(account, asset).free
        if roll < 6, free > 1_000 {
            return .requestWithdrawal(account, asset, free / Int64(10 + random.below(40)))
        }
        let funding = venue.isMaker(account) ? DemoVenue.makerFunding : DemoVenue.takerFunding
        return .deposit(account, asset, funding[Int(asset)] * 100_000_000 / Int64(5 + random.below(20)))
    }

    // MARK: Sizes

    /// A typical order size on `market`, in whole base coins.
    private func baseSize(_ market: DemoMarket) -> Double {
        market.base == DemoVenue.btc ? 0.01 : 0.1
    }

    private func size(_ market: DemoMarket, coins: Double) -> Quantity {
        max(market.step, Int64(coins * 100_000_000) / market.step * market.step)
    }
}
