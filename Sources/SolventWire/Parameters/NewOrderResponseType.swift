import SolventCore

/// `newOrderRespType`: how much of the order a placement answers with (spec §3.3).
public enum NewOrderResponseType: String, Sendable, CaseIterable, BinanceEnum {
    /// Ids and time only.
    case ack = "ACK"
    /// ACK plus the order's state.
    case result = "RESULT"
    /// RESULT plus the fills made on entry.
    case full = "FULL"

    public var binanceName: String { rawValue }

    public init?(binanceName name: String) {
        self.init(rawValue: name)
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidParameter(parameter) }

    /// Binance's default when the parameter is absent: FULL for MARKET and LIMIT, ACK otherwise.
    public static func defaultFor(_ type: OrderType) -> NewOrderResponseType {
        type == .market || type == .limit ? .full : .ack
    }
}
