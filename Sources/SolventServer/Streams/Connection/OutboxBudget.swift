import Synchronization

/// The bytes all WebSocket outboxes may hold together (`StreamLimits.outboxesBytesMax`): each
/// outbox is bounded on its own, but 10,000 connections at their own bound would be 160 GiB.
///
/// The policy at the budget: a message that does not fit goes to a connection only if its
/// outbox is empty (it keeps up, and the message leaves at once); a connection with anything
/// still queued is behind, and is cut off as a slow consumer, which frees its queue. So memory
/// pressure ends the connections that cause it and spares the ones that read.
public final class OutboxBudget: Sendable {
    public let bytesMax: Int
    private let used = Atomic<Int>(0)

    public init(bytesMax: Int) {
        precondition(bytesMax > 0, "a budget holds something")
        self.bytesMax = bytesMax
    }

    /// Bytes queued in all outboxes now.
    public var bytesUsed: Int { used.load(ordering: .relaxed) }

    /// Takes `bytes` from the budget; false, taking nothing, when they do not fit and the
    /// outbox asking is not empty.
    func take(_ bytes: Int, outboxEmpty: Bool) -> Bool {
        let after = used.wrappingAdd(bytes, ordering: .relaxed).newValue
        guard after > bytesMax, !outboxEmpty else { return true }
        used.wrappingSubtract(bytes, ordering: .relaxed)
        return false
    }

    func give(_ bytes: Int) {
        used.wrappingSubtract(bytes, ordering: .relaxed)
    }
}
