import NIOCore
import Synchronization

/// One connection as a receiver of stream messages: its session, and whether it wants each
/// push wrapped as `{"stream":"<name>","data":<payload>}` (`combined`, spec §5.1–5.2).
public final class StreamSubscriber: Sendable {
    public let session: WebSocketSession
    private let combinedFlag: Atomic<Bool>

    init(session: WebSocketSession, combined: Bool) {
        self.session = session
        combinedFlag = Atomic(combined)
    }

    public var combined: Bool {
        get { combinedFlag.load(ordering: .relaxed) }
        set { combinedFlag.store(newValue, ordering: .relaxed) }
    }

    /// Sends one event of stream `stream`, wrapped when the connection is combined. For
    /// publishers with few receivers (user data); the hub renders each form once and uses
    /// `StreamPayload` instead.
    @discardableResult
    public func deliver(_ payload: [UInt8], stream: String) -> Bool {
        session.send(combined ? StreamPayload.combined(payload, stream: stream) : ByteBuffer(bytes: payload))
    }
}

/// The bytes of one push, in the two forms a subscriber may want.
enum StreamPayload {
    /// `{"stream":"<name>","data":<payload>}`; names are plain ASCII (checked on subscription),
    /// so they need no escaping.
    static func combined(_ payload: [UInt8], stream: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(payload.count + stream.utf8.count + 20)
        buffer.writeStaticString("{\"stream\":\"")
        buffer.writeString(stream)
        buffer.writeStaticString("\",\"data\":")
        buffer.writeBytes(payload)
        buffer.writeStaticString("}")
        return buffer
    }
}
