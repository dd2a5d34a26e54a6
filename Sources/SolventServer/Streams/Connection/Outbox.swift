import NIOCore
import Synchronization

/// Why the server ends a connection, as its close frame says it.
public struct CloseReason: Sendable, Equatable {
    public var code: UInt16
    public var text: String

    public init(code: UInt16, text: String) {
        self.code = code
        self.text = text
    }

    public static let normal = CloseReason(code: 1000, text: "")
    /// The client did not read fast enough: its outbox filled up.
    public static let slowConsumer = CloseReason(code: 1008, text: "slow consumer")
    public static let tooManyMessages = CloseReason(code: 1008, text: "too many messages")
    public static let tooManyStreams = CloseReason(code: 1008, text: "too many streams")
    public static let silent = CloseReason(code: 1001, text: "no pong received")
    public static let lifetimeOver = CloseReason(code: 1001, text: "connection lifetime over")
    public static let shuttingDown = CloseReason(code: 1001, text: "server shutdown")
}

/// A connection's outbound buffer, bounded in messages and bytes. Producers (the stream hub,
/// control replies, user-data publishers) push without ever waiting; the connection's writer
/// task drains it into the socket. A push that would pass a bound closes the outbox with
/// `slowConsumer` instead: a consumer that falls behind is cut off, and nobody waits for it.
///
/// Every outbox also draws on the server's `OutboxBudget`, whose policy may cut a connection
/// that is behind before its own bounds do.
///
/// Buffers are shared, not copied: the hub renders a payload once and pushes the same
/// `ByteBuffer` (reference-counted storage) into every subscriber's outbox.
public final class Outbox: Sendable {
    public enum Item: Sendable {
        case text(ByteBuffer)
        case ping
    }

    private struct State {
        var items: [Item] = []
        var bytes = 0
        var closed: CloseReason?
        var waiter: CheckedContinuation<Void, Never>?
    }

    public let messagesMax: Int
    public let bytesMax: Int
    private let budget: OutboxBudget
    private let state = Mutex(State())

    public init(messagesMax: Int, bytesMax: Int, budget: OutboxBudget) {
        precondition(messagesMax > 0 && bytesMax > 0, "an outbox holds something")
        self.messagesMax = messagesMax
        self.bytesMax = bytesMax
        self.budget = budget
    }

    /// Queues a text message; false when the outbox is closed, or has just been closed because
    /// this message did not fit.
    @discardableResult
    public func push(_ message: ByteBuffer) -> Bool {
        enqueue(.text(message), size: message.readableBytes)
    }

    /// Queues a ping frame (keepalive); bounded like any message.
    @discardableResult
    public func pushPing() -> Bool {
        enqueue(.ping, size: 0)
    }

    /// Ends the outbox: the writer sends what is queued (unless it is a slow consumer's), then
    /// the close frame. The first reason wins.
    public func close(_ reason: CloseReason) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.closed == nil else { return nil }
            state.closed = reason
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    public var closeReason: CloseReason? { state.withLock { $0.closed } }

    /// Messages and bytes waiting now.
    public var depth: (messages: Int, bytes: Int) { state.withLock { ($0.items.count, $0.bytes) } }

    /// Waits until something is queued or the outbox is closed, then moves everything queued
    /// into `items`. Returns the close reason once closed (`items` then holds what is still to
    /// be sent before the close frame: nothing for a slow consumer). One task takes at a time.
    public func take(into items: inout [Item]) async -> CloseReason? {
        while true {
            let outcome: (taken: Bool, closed: CloseReason?) = state.withLock { state in
                guard !state.items.isEmpty || state.closed != nil else { return (false, nil) }
                swap(&items, &state.items)
                state.items.removeAll(keepingCapacity: true)
                budget.give(state.bytes)
                state.bytes = 0
                return (true, state.closed)
            }
            if outcome.taken { return outcome.closed }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if !state.items.isEmpty || state.closed != nil { return true }
                    precondition(state.waiter == nil, "one task drains an outbox")
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    private func enqueue(_ item: Item, size: Int) -> Bool {
        enum Outcome { case closed, queued(CheckedContinuation<Void, Never>?), overflow(CheckedContinuation<Void, Never>?) }
        let outcome = state.withLock { state -> Outcome in
            guard state.closed == nil else { return .closed }
            let waiter = state.waiter
            state.waiter = nil
            guard state.items.count < messagesMax, state.bytes + size <= bytesMax,
                  budget.take(size, outboxEmpty: state.items.isEmpty) else {
                // What is queued for a consumer this far behind is dropped with it.
                state.items.removeAll()
                budget.give(state.bytes)
                state.bytes = 0
                state.closed = .slowConsumer
                return .overflow(waiter)
            }
            state.items.append(item)
            state.bytes += size
            return .queued(waiter)
        }
        switch outcome {
        case .closed:
            return false
        case .queued(let waiter):
            waiter?.resume()
            return true
        case .overflow(let waiter):
            waiter?.resume()
            return false
        }
    }
}
