import NIOCore
import NIOHTTPTypes

/// Whose turn it is on one connection, so answers leave in the order their requests came.
///
/// Hummingbird keeps the order of the requests passed on to it, and `DirectEndpointHandler`
/// writes a direct answer the moment it is ready. So a direct request starts only when every
/// request passed on before it has been answered, and no request starts while a direct one is
/// being answered. A request that may not start yet is held with every part after it, and no
/// more is read until the held ones have gone: a client that pipelines cannot pile up work.
struct ConnectionTurns {
    /// A direct request is being answered.
    var answering = false
    /// Requests passed on to Hummingbird whose answer has not ended.
    private var unanswered = 0
    private var held = CircularBuffer<HTTPRequestPart>()
    private var taking = false
    private var readDeferred = false

    var isHolding: Bool { !held.isEmpty }

    func mayStart(direct: Bool) -> Bool {
        !answering && (!direct || unanswered == 0)
    }

    mutating func passedOn() {
        unanswered += 1
    }

    mutating func passedOnAnswered() {
        if unanswered > 0 { unanswered -= 1 }
    }

    mutating func hold(_ part: HTTPRequestPart) {
        held.append(part)
    }

    /// Starts taking held parts; false when already taking (an answer written while taking).
    mutating func beginTaking() -> Bool {
        guard !taking, isHolding else { return false }
        taking = true
        return true
    }

    mutating func nextHeld() -> HTTPRequestPart? {
        held.popFirst()
    }

    /// A part taken from the front that must wait after all.
    mutating func putBack(_ part: HTTPRequestPart) {
        held.prepend(part)
    }

    mutating func endTaking() {
        taking = false
    }

    /// Whether a read asked for now must wait for the held requests to go.
    mutating func deferRead() -> Bool {
        guard isHolding else { return false }
        readDeferred = true
        return true
    }

    /// Whether a deferred read may go now; it is then no longer deferred.
    mutating func resumeRead() -> Bool {
        guard readDeferred, !isHolding else { return false }
        readDeferred = false
        return true
    }
}
