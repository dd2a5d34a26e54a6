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

    init(_ body: [UInt8], status: Int = 200) {
        self.body = body
        self.status = status
    }

    package init(error: BinanceError) {
        self.init(error.json(), status: error.httpStatus)
    }

    /// `{}`: what ping, order/test and listenKey keep-alives answer.
    package static var empty: Reply { Reply(Array("{}".utf8)) }
}
