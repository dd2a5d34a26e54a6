import Foundation
import NIOCore
import Synchronization

/// One upgraded WebSocket connection as the services see it: where it connected, and the way
/// to send to it (`send`, never blocking) or end it (`close`). The session runner owns the
/// socket; services only ever touch the outbox.
public final class WebSocketSession: Sendable {
    /// Unique for the life of the process.
    public let id: UInt64
    /// The request path without the query (`/ws/btcusdt@trade`, `/stream`, `/ws-api/v3`).
    public let path: String
    /// The raw query string, if any (`streams=a/b`).
    public let query: String?
    public let clientIP: String
    public let outbox: Outbox
    private let channel: any Channel
    /// Milliseconds (monotonic) when the client last sent anything, pongs included.
    private let lastHeard: Atomic<Int64>
    /// Set once the socket's forced close is scheduled.
    private let cutOffScheduled = Atomic<Bool>(false)

    private static let nextId = Atomic<UInt64>(1)

    init(path: String, query: String?, clientIP: String, channel: any Channel, limits: StreamLimits,
         budget: OutboxBudget) {
        id = Self.nextId.wrappingAdd(1, ordering: .relaxed).oldValue
        self.path = path
        self.query = query
        self.clientIP = clientIP
        self.channel = channel
        outbox = Outbox(messagesMax: limits.outboxMessagesMax, bytesMax: limits.outboxBytesMax, budget: budget)
        lastHeard = Atomic(Self.monotonicMilliseconds())
    }

    /// Queues one text message; false when the connection is closing (or just closed because
    /// it fell too far behind: then the socket is cut off after the grace, since a client that
    /// reads nothing would never read the close frame either).
    @discardableResult
    public func send(_ message: ByteBuffer) -> Bool {
        if outbox.push(message) { return true }
        if outbox.closeReason == .slowConsumer { close(.slowConsumer) }
        return false
    }

    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        outbox.push(ByteBuffer(bytes: bytes))
    }

    /// Ends the connection with `reason` after what is queued (a slow consumer's queue is
    /// dropped). A client that does not answer the close handshake is cut off after `grace`.
    public func close(_ reason: CloseReason, grace: TimeAmount = .seconds(5)) {
        outbox.close(reason)
        guard cutOffScheduled.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        let channel = channel
        channel.eventLoop.scheduleTask(in: grace) { channel.close(promise: nil) }
    }

    /// Whether the outbox has been closed, for whatever reason.
    public var isClosing: Bool { outbox.closeReason != nil }

    // MARK: Liveness (used by the runner)

    func heard() {
        lastHeard.store(Self.monotonicMilliseconds(), ordering: .relaxed)
    }

    var millisecondsSinceHeard: Int64 {
        Self.monotonicMilliseconds() - lastHeard.load(ordering: .relaxed)
    }

    static func monotonicMilliseconds() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }
}
