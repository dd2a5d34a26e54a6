/// A market's trading status.
///
/// - `trading`: everything is accepted.
/// - `halt`: trading is paused; open orders stay and may be canceled, nothing new is accepted.
/// - `breakStatus` (`BREAK`): the market is down; nothing is accepted, not even cancels, until it
///   returns to `trading` or `halt`. Open orders keep their reservations.
public enum MarketStatus: UInt8, Sendable, CaseIterable {
    case trading, halt, breakStatus

    public var wireName: String {
        switch self {
        case .trading: "TRADING"
        case .halt: "HALT"
        case .breakStatus: "BREAK"
        }
    }

    public var acceptsNewOrders: Bool { self == .trading }
    public var acceptsCancels: Bool { self != .breakStatus }
}
