// The WebSocket API's user-data subscription errors (spec §1.5), Binance's wording.

extension BinanceError {
    /// `userDataStream.subscribe…` for an account that already has a subscription on this connection.
    public static let subscriptionActive = BinanceError(
        code: -2035, message: "User Data Stream subscription already active.")

    /// `userDataStream.unsubscribe` of a subscription that does not exist.
    public static let subscriptionInactive = BinanceError(
        code: -2036, message: "User Data Stream subscription not active.")
}
