import Foundation
import SolventCore
import SolventJournal
import SolventWire

/// What one fuzz target feeds its bytes to. Every one of them must turn any input into a value
/// or a thrown error: a trap, a hang or a sanitizer report is a bug, and its input becomes a
/// regression test.
enum FuzzTarget: String, CaseIterable {
    /// `RequestParameters`: a query string and a form body, split at the first NUL byte.
    case parameters
    /// The WebSocket API's JSON scanner (`WebSocketAPIRequest.parse`).
    case json
    /// `DecimalText.parse` at every scale.
    case decimal
    /// A journal frame (`RecordFrame.read`) and a bare command (`Command.decode`).
    case record
    /// A snapshot (`Engine(encodedState:)`).
    case snapshot

    func run(_ bytes: [UInt8]) {
        switch self {
        case .parameters:
            let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
            let query = String(decoding: bytes[..<split], as: UTF8.self)
            let body = split < bytes.endIndex ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : ""
            _ = try? RequestParameters(rawQuery: query, rawBody: body)
        case .json:
            _ = WebSocketAPIRequest.parse(String(decoding: bytes, as: UTF8.self))
        case .decimal:
            for scale: Scale in 0...18 { _ = try? DecimalText.parse(utf8: bytes, scale: scale) }
        case .record:
            _ = RecordFrame.read(bytes, at: 0)
            _ = try? Command.decode(bytes)
        case .snapshot:
            _ = try? Engine<FastBook>(encodedState: bytes)
        }
    }
}
