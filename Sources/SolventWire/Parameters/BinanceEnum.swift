import SolventCore

/// A value that travels as one of a fixed set of Binance names, each with the error Binance
/// answers when a parameter holds none of them.
public protocol BinanceEnum: Sendable {
    /// The value `name` spells, or `nil`. Names are case-sensitive, as on Binance.
    init?(binanceName name: String)
    /// What a request gets when parameter `parameter` holds an unknown name.
    static func invalidValue(parameter: String) -> BinanceError
}

extension RequestParameters {
    /// The enum value of `name`, `nil` when absent or empty, else the enum's own error.
    public func enumValue<Value: BinanceEnum>(_ name: String, as type: Value.Type = Value.self)
        throws(BinanceError) -> Value? {
        guard let text = try nonEmpty(name) else { return nil }
        guard let value = Value(binanceName: text) else { throw Value.invalidValue(parameter: name) }
        return value
    }

    public func side(_ name: String = "side") throws(BinanceError) -> Side? {
        try enumValue(name)
    }

    public func orderType(_ name: String = "type") throws(BinanceError) -> OrderType? {
        try enumValue(name)
    }

    public func timeInForce(_ name: String = "timeInForce") throws(BinanceError) -> TimeInForce? {
        try enumValue(name)
    }

    public func newOrderResponseType(_ name: String = "newOrderRespType") throws(BinanceError) -> NewOrderResponseType? {
        try enumValue(name)
    }

    /// Binance's `TRANSFER` mode is a valid name the core does not offer: it is answered as a
    /// mode the symbol does not allow rather than as an unknown value.
    public func selfTradePreventionMode(_ name: String = "selfTradePreventionMode")
        throws(BinanceError) -> SelfTradePreventionMode? {
        if self[name] == "TRANSFER" { throw BinanceError(.selfTradePreventionModeNotAllowed) }
        return try enumValue(name)
    }

    public func cancelRestrictions(_ name: String = "cancelRestrictions") throws(BinanceError) -> CancelRestriction? {
        try enumValue(name)
    }

    public func cancelReplaceMode(_ name: String = "cancelReplaceMode") throws(BinanceError) -> CancelReplaceMode? {
        try enumValue(name)
    }

    public func klineInterval(_ name: String = "interval") throws(BinanceError) -> KlineInterval? {
        try enumValue(name)
    }

    public func tickerType(_ name: String = "type") throws(BinanceError) -> TickerType? {
        try enumValue(name)
    }

    public func symbolStatus(_ name: String = "symbolStatus") throws(BinanceError) -> SymbolStatus? {
        try enumValue(name)
    }
}

/// Looks `name` up among a type's cases by their wire names.
func caseNamed<Value: CaseIterable>(_ name: String, _ wireName: (Value) -> String) -> Value? {
    Value.allCases.first { wireName($0) == name }
}
