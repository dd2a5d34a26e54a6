/// A refused request as Binance answers it: HTTP status plus `{"code":<int>,"msg":"<text>"}`.
///
/// Clients match on both the code and, for several errors, the exact message (spec §1.5), so the
/// texts live in one catalog (`BinanceError+Catalog.swift`) and are never composed ad hoc.
/// cancelReplace failures also carry a `data` object (spec §3.3), kept here pre-rendered.
public struct BinanceError: Error, Hashable, Sendable {
    /// Binance's (negative) error code.
    public var code: Int
    public var message: String
    public var httpStatus: Int
    /// A JSON object rendered after `msg` as `"data":…`; only cancelReplace uses it.
    public var data: [UInt8]?
    /// Seconds for a `Retry-After` header (spec §1.6); set on 418 and 429 when known.
    public var retryAfterSeconds: Int?

    public init(code: Int, message: String, httpStatus: Int = 400, data: [UInt8]? = nil,
                retryAfterSeconds: Int? = nil) {
        precondition(code <= 0, "Binance error codes are negative")
        precondition((400...599).contains(httpStatus), "an error answers with a 4xx or 5xx status")
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.data = data
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The response body: `{"code":-1121,"msg":"Invalid symbol."}` (+ `"data":{…}`).
    public func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + message.utf8.count + (data?.count ?? 0))
        write(to: &writer)
        return writer.finish()
    }

    /// The same object inside a larger document (a cancelReplace half that failed).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("code", Int64(code))
        writer.field("msg", message)
        if let data {
            writer.key("data")
            writer.raw(data)
        }
        writer.endObject()
    }
}
