import HTTPTypes
import SolventWire

/// What a handler answers: JSON bytes with an HTTP status, and any extra headers (the order
/// counts after a placement).
package struct Reply: Sendable {
    package var status: Int = 200
    package var body: [UInt8]
    /// Names made once (`HTTPField.Name` validates and lower-cases its text when made).
    var headers: [(HTTPField.Name, String)] = []
    var contentType = "application/json;charset=UTF-8"

    /// Set for a body too large to hold (the auditor's exports): `body` is then empty and the
    /// answer goes out in chunks, each made once the connection took the one before.
    var streamed: StreamedBody?

    init(_ body: [UInt8], status: Int = 200) {
        self.body = body
        self.status = status
    }

    init(streaming body: StreamedBody, contentType: String) {
        self.body = []
        streamed = body
        self.contentType = contentType
    }

    package init(error: BinanceError) {
        self.init(error.json(), status: error.httpStatus)
    }

    /// `{}`: what ping, order/test and listenKey keep-alives answer.
    package static var empty: Reply { Reply(Array("{}".utf8)) }
}

/// A body made chunk by chunk: `next` answers the next chunk, or nil at the end. A throw cuts
/// the answer off (the connection closes, so a client never takes a partial body for a whole).
struct StreamedBody: Sendable {
    let next: @Sendable () async throws -> [UInt8]?
}
