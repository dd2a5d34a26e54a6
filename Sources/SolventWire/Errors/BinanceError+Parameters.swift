import SolventCore

/// The patterns Binance quotes in `-1100` messages ("legal range is '…'").
public enum LegalRange {
    /// Every decimal parameter (`quantity`, `price`, …); the text is Binance's, backslash included.
    public static let decimal = #"^([0-9]{1,20})(\.[0-9]{1,20})?$"#
    /// Client order ids (`newClientOrderId`, `origClientOrderId`, …).
    public static let clientOrderId = #"^[\.A-Z\:/a-z0-9_-]{1,36}$"#
    /// Integer parameters (`orderId`, `limit`, `startTime`, …).
    public static let integer = #"^-?[0-9]{1,19}$"#
    /// Boolean parameters.
    public static let boolean = "^(true|false)$"

    /// Names whose `-1100` quotes the decimal pattern without the caller saying so.
    public static let decimalParameters: Set<String> = [
        "quantity", "quoteOrderQty", "price", "stopPrice", "icebergQty", "newQty", "recvWindow",
        "abovePrice", "aboveStopPrice", "aboveIcebergQty", "belowPrice", "belowStopPrice", "belowIcebergQty",
        "workingPrice", "workingQuantity", "workingIcebergQty", "pendingPrice", "pendingStopPrice",
        "pendingQuantity", "pendingIcebergQty", "pendingAbovePrice", "pendingAboveStopPrice",
        "pendingAboveIcebergQty", "pendingBelowPrice", "pendingBelowStopPrice", "pendingBelowIcebergQty",
    ]
}

// 11xx — request issues.
extension BinanceError {
    /// `-1100`. Decimal parameters get Binance's exact regex text (spec §1.2) even when no
    /// `legalRange` is passed; other parameters name the pattern they break, or none.
    public static func illegalCharacters(parameter: String, legalRange: String? = nil) -> BinanceError {
        let range = legalRange ?? (LegalRange.decimalParameters.contains(parameter) ? LegalRange.decimal : nil)
        guard let range else {
            return BinanceError(code: -1100, message: "Illegal characters found in parameter '\(parameter)'.")
        }
        return BinanceError(
            code: -1100, message: "Illegal characters found in parameter '\(parameter)'; legal range is '\(range)'.")
    }

    /// `-1100` when the bad text cannot be tied to one parameter (a malformed name, say).
    public static let illegalCharactersInRequest = BinanceError(
        code: -1100, message: "Illegal characters found in a parameter.")

    /// `-1101`. Binance's text does not name the parameter; `name` is accepted for symmetry with
    /// the other constructors and for callers that log it.
    public static func duplicateParameter(_ name: String) -> BinanceError {
        _ = name
        return BinanceError(code: -1101, message: "Duplicate values for a parameter detected.")
    }

    public static let tooManyParameters = BinanceError(
        code: -1101, message: "Too many parameters sent for this endpoint.")

    public static func mandatoryParameter(_ name: String) -> BinanceError {
        BinanceError(code: -1102, message: "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }

    public static func eitherParameter(_ first: String, _ second: String) -> BinanceError {
        BinanceError(code: -1102, message: "Param '\(first)' or '\(second)' must be sent, but both were empty/null!")
    }

    public static let unknownParameter = BinanceError(code: -1103, message: "An unknown parameter was sent.")

    public static func unreadParameters(read: Int, sent: Int) -> BinanceError {
        BinanceError(code: -1104,
                     message: "Not all sent parameters were read; read '\(read)' parameter(s) but was sent '\(sent)'.")
    }

    public static func emptyParameter(_ name: String) -> BinanceError {
        BinanceError(code: -1105, message: "Parameter '\(name)' was empty.")
    }

    public static func parameterNotRequired(_ name: String) -> BinanceError {
        BinanceError(code: -1106, message: "Parameter '\(name)' sent when not required.")
    }

    public static func parameterOverflow(_ name: String) -> BinanceError {
        BinanceError(code: -1108, message: "Parameter '\(name)' overflowed.")
    }

    public static func badPrecision(parameter: String) -> BinanceError {
        BinanceError(code: -1111, message: "Parameter '\(parameter)' has too much precision.")
    }

    public static let noDepth = BinanceError(code: -1112, message: "No orders on book for symbol.")
    public static let timeInForceNotRequired = BinanceError(
        code: -1114, message: "TimeInForce parameter sent when not required.")
    public static let invalidTimeInForce = BinanceError(code: -1115, message: "Invalid timeInForce.")
    public static let invalidOrderType = BinanceError(code: -1116, message: "Invalid orderType.")
    public static let invalidSide = BinanceError(code: -1117, message: "Invalid side.")
    public static let emptyNewClientOrderId = BinanceError(code: -1118, message: "New client order ID was empty.")
    public static let emptyOriginalClientOrderId = BinanceError(
        code: -1119, message: "Original client order ID was empty.")
    public static let badInterval = BinanceError(code: -1120, message: "Invalid interval.")
    public static let badSymbol = BinanceError(code: -1121, message: "Invalid symbol.")
    public static let invalidSymbolStatus = BinanceError(code: -1122, message: "Invalid symbolStatus.")
    public static let invalidListenKey = BinanceError(code: -1125, message: "This listenKey does not exist.")

    /// `-1127`: startTime and endTime further apart than the endpoint allows (24 h for most).
    public static func rangeTooLarge(hours: Int = 24) -> BinanceError {
        BinanceError(code: -1127, message: "More than \(hours) hours between startTime and endTime.")
    }

    /// `rangeTooLarge(hours: 24)`, the limit of `myTrades` and `allOrders`.
    public static let rangeTooLarge = rangeTooLarge(hours: 24)

    public static let badCombination = BinanceError(
        code: -1128, message: "Combination of optional parameters invalid.")

    public static func invalidParameter(_ name: String) -> BinanceError {
        BinanceError(code: -1130, message: "Data sent for parameter '\(name)' is not valid.")
    }

    public static let badStrategyType = BinanceError(code: -1134, message: "strategyType was less than 1000000.")

    public static let invalidJSON = BinanceError(code: -1135, message: "Invalid JSON Request")

    public static func invalidJSON(parameter: String) -> BinanceError {
        BinanceError(code: -1135, message: "JSON sent for parameter '\(parameter)' is not valid")
    }

    public static let invalidTickerType = BinanceError(code: -1139, message: "Invalid ticker type.")

    public static let invalidCancelRestrictions = BinanceError(
        code: -1145, message: "cancelRestrictions has to be either ONLY_NEW or ONLY_PARTIALLY_FILLED.")

    public static let duplicateSymbols = BinanceError(
        code: -1151, message: "Symbol is present multiple times in the list.")

    public static let symbolStatusMismatch = BinanceError(
        code: -1220, message: "The symbol's status does not match the requested symbolStatus.")

    /// A decimal parameter the core's strict parser refused: -1100, -1111 or -1013.
    public init(_ error: DecimalTextError, parameter: String) {
        switch error {
        case .illegalCharacters: self = .illegalCharacters(parameter: parameter, legalRange: LegalRange.decimal)
        case .tooMuchPrecision: self = .badPrecision(parameter: parameter)
        case .tooLarge: self.init(code: Int(error.code), message: error.message(parameter: parameter))
        }
    }
}
