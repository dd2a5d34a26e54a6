import SolventCore

// The core's order vocabulary read from request parameters (spec §4.1), with the code Binance
// answers for a name it does not know.

extension Side: BinanceEnum {
    public init?(binanceName name: String) {
        guard let side = caseNamed(name, \Side.wireName) else { return nil }
        self = side
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidSide }
}

extension OrderType: BinanceEnum {
    public init?(binanceName name: String) {
        guard let type = caseNamed(name, \OrderType.wireName) else { return nil }
        self = type
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidOrderType }
}

extension TimeInForce: BinanceEnum {
    public init?(binanceName name: String) {
        guard let timeInForce = caseNamed(name, \TimeInForce.wireName) else { return nil }
        self = timeInForce
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidTimeInForce }
}

extension SelfTradePreventionMode: BinanceEnum {
    public init?(binanceName name: String) {
        guard let mode = caseNamed(name, \SelfTradePreventionMode.wireName) else { return nil }
        self = mode
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidParameter(parameter) }
}

extension CancelRestriction: BinanceEnum {
    /// `ONLY_NEW` or `ONLY_PARTIALLY_FILLED`; `.none` has no wire name (the parameter is omitted).
    public var binanceName: String? {
        switch self {
        case .none: nil
        case .onlyNew: "ONLY_NEW"
        case .onlyPartiallyFilled: "ONLY_PARTIALLY_FILLED"
        }
    }

    public init?(binanceName name: String) {
        guard let restriction = Self.allCases.first(where: { $0.binanceName == name }) else { return nil }
        self = restriction
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidCancelRestrictions }
}

extension CancelReplaceMode: BinanceEnum {
    public var binanceName: String {
        switch self {
        case .stopOnFailure: "STOP_ON_FAILURE"
        case .allowFailure: "ALLOW_FAILURE"
        }
    }

    public init?(binanceName name: String) {
        guard let mode = caseNamed(name, \CancelReplaceMode.binanceName) else { return nil }
        self = mode
    }

    public static func invalidValue(parameter: String) -> BinanceError { .invalidParameter(parameter) }
}
