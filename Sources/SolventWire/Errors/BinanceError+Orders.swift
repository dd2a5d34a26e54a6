import SolventCore

// 20xx — orders, cancels and keys.
extension BinanceError {
    /// `-2010` with the engine's reason text (spec §1.5 lists the texts clients match).
    public static func newOrderRejected(_ message: String) -> BinanceError {
        BinanceError(code: -2010, message: message)
    }

    /// `-2011` with the reason text; `unknownOrderSent` is the common one.
    public static func cancelRejected(_ message: String) -> BinanceError {
        BinanceError(code: -2011, message: message)
    }

    public static let unknownOrderSent = BinanceError(code: -2011, message: "Unknown order sent.")
    public static let orderDoesNotExist = BinanceError(code: -2013, message: "Order does not exist.")
    public static let badAPIKeyFormat = BinanceError(code: -2014, message: "API-key format invalid.", httpStatus: 401)
    public static let rejectedAPIKey = BinanceError(
        code: -2015, message: "Invalid API-key, IP, or permissions for action.", httpStatus: 401)

    /// cancelReplace: exactly one half succeeded (HTTP 409); `data` says which.
    public static func cancelReplacePartiallyFailed(data: [UInt8]) -> BinanceError {
        BinanceError(code: -2021, message: "Order cancel-replace partially failed.", httpStatus: 409, data: data)
    }

    /// cancelReplace: nothing succeeded (HTTP 400); `data` says what was tried.
    public static func cancelReplaceFailed(data: [UInt8]) -> BinanceError {
        BinanceError(code: -2022, message: "Order cancel-replace failed.", httpStatus: 400, data: data)
    }

    public static let orderArchived = BinanceError(
        code: -2026,
        message: "Order was canceled or expired with no executed qty over 90 days ago and has been archived.")

    /// `orderId` and `origClientOrderId` were both sent and name different orders.
    public static let clientOrderIdMismatch = BinanceError(
        code: -2039, message: "Client order ID is not correct for this order ID.")

    /// The engine's refusal as the API reports it. The core already carries Binance's code and
    /// text; only the status is chosen here. Every reason is the client's request being refused
    /// (400) except running out of engine capacity, which is the server's state, not the
    /// request's fault (503, and safe to retry because nothing happened).
    public init(_ reason: RejectReason) {
        let status = reason == .capacityExhausted ? 503 : 400
        self.init(code: Int(reason.code), message: reason.message, httpStatus: status)
    }
}
