// Every request-level error the REST surface sends (spec §1.5), with Binance's own wording from
// its errors.md. Clients match several of these texts exactly: change none without the spec.

extension BinanceError {
    // MARK: 10xx — server and network

    public static func unknown(
        _ message: String = "An unknown error occurred while processing the request."
    ) -> BinanceError {
        BinanceError(code: -1000, message: message, httpStatus: 500)
    }

    public static let disconnected = BinanceError(
        code: -1001, message: "Internal error; unable to process your request. Please try again.", httpStatus: 500)

    public static let unauthorized = BinanceError(
        code: -1002, message: "You are not authorized to execute this request.", httpStatus: 401)

    /// The REQUEST_WEIGHT limiter is exhausted (HTTP 429); `intervalNum`/`interval` name its window.
    public static func tooManyRequests(limit: Int, intervalNum: Int = 1, interval: String = "MINUTE",
                                       retryAfterSeconds: Int? = nil) -> BinanceError {
        BinanceError(code: -1003,
                     message: "Too much request weight used; current limit is \(limit) request weight per "
                         + "\(intervalNum) \(interval). Please use WebSocket Streams for live updates to avoid polling the API.",
                     httpStatus: 429, retryAfterSeconds: retryAfterSeconds)
    }

    /// An IP that kept going after 429s (HTTP 418), banned until `untilMilliseconds`.
    public static func ipBanned(untilMilliseconds: Int64, retryAfterSeconds: Int? = nil) -> BinanceError {
        BinanceError(code: -1003,
                     message: "Way too much request weight used; IP banned until \(untilMilliseconds). "
                         + "Please use WebSocket Streams for live updates to avoid bans.",
                     httpStatus: 418, retryAfterSeconds: retryAfterSeconds)
    }

    /// `ipBanned(untilMilliseconds:)` for a caller that does not say until when.
    public static let ipBanned = BinanceError(
        code: -1003,
        message: "Way too much request weight used; IP banned. Please use WebSocket Streams for live updates to avoid bans.",
        httpStatus: 418)

    /// The engine did not answer in time: the order may or may not exist (5xx = outcome unknown).
    public static let timeout = BinanceError(
        code: -1007,
        message: "Timeout waiting for response from backend server. Send status unknown; execution status unknown.",
        httpStatus: 503)

    public static let serverBusy = BinanceError(
        code: -1008,
        message: "Server is currently overloaded with other requests. Please try again in a few minutes.",
        httpStatus: 503)

    public static let unknownOrderComposition = BinanceError(code: -1014, message: "Unsupported order combination.")

    /// The ORDERS limiter is exhausted (HTTP 429); `interval` as Binance spells it, e.g. "10 SECOND".
    public static func tooManyOrders(limit: Int, interval: String, retryAfterSeconds: Int? = nil) -> BinanceError {
        BinanceError(code: -1015, message: "Too many new orders; current limit is \(limit) orders per \(interval).",
                     httpStatus: 429, retryAfterSeconds: retryAfterSeconds)
    }

    /// Solvent's own limit (Binance has none by this name): an account whose commands keep being
    /// refused is stopped before the journal, which records every command, refused ones too.
    public static func tooManyRejected(limit: Int, retryAfterSeconds: Int? = nil) -> BinanceError {
        BinanceError(code: -1015, message: "Too many rejected requests; current limit is \(limit) rejected requests per 10 SECOND.",
                     httpStatus: 429, retryAfterSeconds: retryAfterSeconds)
    }

    public static let unsupportedOperation = BinanceError(code: -1020, message: "This operation is not supported.")

    public static let timestampOutsideRecvWindow = BinanceError(
        code: -1021, message: "Timestamp for this request is outside of the recvWindow.")

    public static let timestampAhead = BinanceError(
        code: -1021, message: "Timestamp for this request was 1000ms ahead of the server's time.")

    public static let invalidSignature = BinanceError(code: -1022, message: "Signature for this request is not valid.")

    // MARK: Paths outside the API (not Binance codes; spec §1.1 asks for a JSON 404)

    public static let unknownPath = BinanceError(
        code: -1000, message: "Unknown path: this server only answers the Binance Spot API under /api/v3.",
        httpStatus: 404)

    public static let methodNotAllowed = BinanceError(
        code: -1000, message: "Method not allowed for this path.", httpStatus: 405)
}
