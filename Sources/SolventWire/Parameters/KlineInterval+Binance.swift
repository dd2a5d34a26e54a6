import SolventCore

/// The `interval` parameter and `@kline_<interval>` streams spell an interval as its raw value
/// (case-sensitive: `1m` is a minute, `1M` a month); an unknown name is `-1120`.
extension KlineInterval: BinanceEnum {
    public init?(binanceName name: String) {
        self.init(rawValue: name)
    }

    public static func invalidValue(parameter: String) -> BinanceError { .badInterval }

    public var binanceName: String { rawValue }
}
