import SolventCore

/// `type` of the ticker endpoints: every statistic, or the short set (spec §3.2).
public enum TickerType: String, Sendable, CaseIterable, BinanceEnum {
    case full = "FULL"
    case mini = "MINI"

    public init?(binanceName name: String) {
        self.init(rawValue: name)
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidTickerType }
}

/// `symbolStatus` filter of exchangeInfo and the market-data endpoints. Binance knows five
/// statuses; the core has three, so the other two are valid to ask for but match no market.
public enum SymbolStatus: String, Sendable, CaseIterable, BinanceEnum {
    case trading = "TRADING"
    case endOfDay = "END_OF_DAY"
    case halt = "HALT"
    case breakStatus = "BREAK"
    case cancelOnly = "CANCEL_ONLY"

    public init?(binanceName name: String) {
        self.init(rawValue: name)
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidSymbolStatus }

    public func matches(_ status: MarketStatus) -> Bool {
        rawValue == status.wireName
    }
}
