import NIOCore
import NIOHTTPTypes

/// The parts of requests that arrived while an earlier request on the same connection was
/// being answered. Answers leave in the order requests came because one is answered at a time;
/// while any are held no more are read, so a client that pipelines cannot pile up work.
struct HeldRequests {
    /// A request is being answered (from its end part until its answer is written).
    var answering = false
    private var held = CircularBuffer<HTTPRequestPart>()
    private var taking = false
    private var readDeferred = false

    var isHolding: Bool { !held.isEmpty }

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
