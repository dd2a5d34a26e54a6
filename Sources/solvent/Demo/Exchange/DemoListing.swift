import SolventCore

/// The demo's listings: four markets with filters like Binance's, each with where its random
/// walk starts and the sizes its traders deal in (all in ticks and steps).
struct DemoListing: Sendable {
    let symbol: String
    let base: String
    let quote: String
    let tickPlaces: Int
    let stepPlaces: Int
    let minNotional: String
    let startTicks: Int64
    let makerSteps: ClosedRange<Int64>
    let takerSteps: ClosedRange<Int64>

    var tickSize: String { DemoDecimal.text(1, places: tickPlaces) }
    var stepSize: String { DemoDecimal.text(1, places: stepPlaces) }
    func price(_ ticks: Int64) -> String { DemoDecimal.text(ticks, places: tickPlaces) }
    func quantity(_ steps: Int64) -> String { DemoDecimal.text(steps, places: stepPlaces) }

    static let all = [
        DemoListing(symbol: "BTCUSDT", base: "BTC", quote: "USDT", tickPlaces: 2, stepPlaces: 5, minNotional: "5",
                   startTicks: 6_500_000, makerSteps: 1_000...40_000, takerSteps: 100...5_000),
        DemoListing(symbol: "ETHUSDT", base: "ETH", quote: "USDT", tickPlaces: 2, stepPlaces: 4, minNotional: "5",
                   startTicks: 340_000, makerSteps: 1_000...40_000, takerSteps: 100...5_000),
        // tick × step must be a whole satoshi, hence a step of 0.001 ETH here.
        DemoListing(symbol: "ETHBTC", base: "ETH", quote: "BTC", tickPlaces: 5, stepPlaces: 3, minNotional: "0.0001",
                   startTicks: 5_230, makerSteps: 100...4_000, takerSteps: 10...500),
        DemoListing(symbol: "SOLUSDT", base: "SOL", quote: "USDT", tickPlaces: 2, stepPlaces: 3, minNotional: "5",
                   startTicks: 15_000, makerSteps: 1_000...40_000, takerSteps: 100...5_000),
    ]

    static let assets = ["BTC", "ETH", "SOL", "USDT"]
}

/// Who trades on the demo and what they start with (topped up with the same again whenever an
/// order is refused for want of balance, so the walk never stalls).
enum DemoFunding {
    static let maker = [("BTC", "1000"), ("ETH", "20000"), ("SOL", "500000"), ("USDT", "100000000")]
    static let taker = [("BTC", "20"), ("ETH", "400"), ("SOL", "10000"), ("USDT", "2000000")]
    /// The account whose key the demo prints, for the page and for ccxt.
    static let visitor = [("BTC", "1"), ("ETH", "10"), ("SOL", "100"), ("USDT", "100000")]
    static let takerCount = 3

    /// What the exchange holds against what the demo deposits for its crew and its page user, per
    /// asset in units (every demo asset has scale 8): those deposits and a tenth of a percent of
    /// its own, so the reserves still cover what it owes once withdrawals have paid chain fees.
    static var float: [String: Amount] {
        let funded = [maker, visitor, visitor] + Array(repeating: taker, count: takerCount)
        let deposited = funded.joined().reduce(into: [String: Amount]()) { total, entry in
            total[entry.0, default: 0] += (try? DecimalText.parse(entry.1, scale: 8)) ?? 0
        }
        return deposited.mapValues { $0 + $0 / 1_000 }
    }
}
