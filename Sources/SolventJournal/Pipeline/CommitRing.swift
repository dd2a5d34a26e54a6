/// The one way committed batches reach the consumers that run on threads of their own (the
/// history projection, the journal's Merkle log, market streams, user streams, and later
/// custody, surveillance and replication): a bounded ring that the committer publishes into and
/// each consumer reads at its own cursor, as LMAX's sequence barriers do. A batch is published
/// once and shared; it leaves the ring when the last cursor has passed it.
///
/// **Bounded, and never lossy.** The ring holds at most `batchesMax` batches and, beyond its
/// first, `commandsMax` commands. When the slowest consumer is that far behind, `publish` waits:
/// the committer stops, the sequencer's inbound queue fills, and new commands are refused as
/// busy until the consumer frees room. No consumer ever skips a batch, so none has to rebuild its
/// state behind the exchange's back. Slowness that is not the consumer's own (a WebSocket client
/// that does not read) is cut off at that client's bounded outbox, never here.
///
/// A consumer that keeps a durable position of its own is brought up to the journal before the
/// sequencer starts (`CatchUpConsumer`, fed by recovery's one replay); its cursor then starts at
/// the first batch committed after that.
public final class CommitRing: @unchecked Sendable {
    public static let batchesMaxDefault = 16_384
    public static let commandsMaxDefault = 1 << 20

    let batchesMax: Int
    let commandsMax: Int
    private let monitor = Monitor()
    /// The committer waits on this while the ring is full.
    private let room: Monitor.Condition
    /// Read and changed only under `monitor`.
    private var ring: RingState
    /// One per cursor, by cursor id; only grows, under `monitor`.
    private var arrivals: [Monitor.Condition] = []

    public init(batchesMax: Int = CommitRing.batchesMaxDefault, commandsMax: Int = CommitRing.commandsMaxDefault) {
        precondition(batchesMax > 0 && commandsMax > 0, "the ring holds at least one batch")
        self.batchesMax = batchesMax
        self.commandsMax = commandsMax
        room = monitor.makeCondition()
        ring = RingState(batchesMax: batchesMax)
    }

    /// A cursor that will see every batch published from now on. Make every cursor before the
    /// sequencer starts, so none misses the first batch.
    public func cursor(_ name: String) -> RingCursor {
        let id = monitor.locked {
            arrivals.append(monitor.makeCondition())
            return ring.attach(name)
        }
        return RingCursor(ring: self, id: id, name: name)
    }

    /// From the committer, in sequence order. Waits while the ring is full (see the type's note).
    public func publish(_ batch: CommittedBatch) {
        monitor.locked {
            assert(ring.lastSequence.map { batch.firstSequence == $0 + 1 } ?? true,
                   "batches are published in sequence order without gaps")
            while !ring.closed && !ring.hasRoom(for: batch.count, batchesMax: batchesMax, commandsMax: commandsMax) {
                ring.producerWaits += 1
                ring.producerWaiting = true
                room.wait()
            }
            ring.append(batch)
            for id in ring.cursorsToWake() { arrivals[id].signal() }
        }
    }

    /// No more batches: cursors drain what is left and then see the end. Publishing after this
    /// never waits.
    public func close() {
        monitor.locked {
            ring.closed = true
            arrivals.forEach { $0.signal() }
            room.signal()
        }
    }

    /// The last sequence published (0 before the first batch).
    public var publishedSequence: UInt64 { monitor.locked { ring.lastSequence ?? 0 } }

    /// How often the committer had to wait for a slow consumer since start (for metrics).
    public var producerWaits: Int { monitor.locked { ring.producerWaits } }

    /// Batches and commands held now (for metrics).
    public var held: (batches: Int, commands: Int) {
        monitor.locked { (ring.heldBatches, ring.heldCommands) }
    }

    // MARK: For cursors

    func take(_ id: Int, into batches: inout [CommittedBatch], gathering: Gathering,
              timeoutNanoseconds: UInt64?) -> Bool {
        let deadline = timeoutNanoseconds.map { MonotonicClock.nanoseconds() &+ $0 }
        return monitor.locked {
            release(id)
            while ring.available(id) == 0 {
                if ring.closed { return false }
                ring.cursors[id].waiting = .forBatches
                defer { ring.cursors[id].waiting = .no }
                if let deadline {
                    if !arrivals[id].wait(untilNanoseconds: deadline) { return true }
                } else {
                    arrivals[id].wait()
                }
            }
            waitOutGathering(id, gathering)
            ring.take(id, into: &batches)
            return true
        }
    }

    /// Lets more batches gather, up to the window, unless hurried or enough are in.
    private func waitOutGathering(_ id: Int, _ gathering: Gathering) {
        guard gathering.windowNanoseconds > 0 else { return }
        let deadline = MonotonicClock.nanoseconds() &+ gathering.windowNanoseconds
        ring.cursors[id].waiting = .gathering(commandsMax: gathering.commandsMax)
        while !ring.closed && !ring.cursors[id].hurried && ring.availableCommands(id) < gathering.commandsMax {
            if !arrivals[id].wait(untilNanoseconds: deadline) { break }
        }
        ring.cursors[id].waiting = .no
        ring.cursors[id].hurried = false
    }

    /// The cursor is done with what it took: free what every cursor has passed, and let a
    /// waiting committer on.
    private func release(_ id: Int) {
        ring.releaseTaken(id)
        if ring.producerWaiting {
            ring.producerWaiting = false
            room.signal()
        }
    }

    func hurry(_ id: Int) {
        monitor.locked {
            ring.cursors[id].hurried = true
            arrivals[id].signal()
        }
    }

    func detach(_ id: Int) {
        monitor.locked {
            ring.detach(id)
            if ring.producerWaiting {
                ring.producerWaiting = false
                room.signal()
            }
        }
    }
}

/// How a cursor takes batches: at once, or letting them gather for a while so that one wake-up
/// and one write serve many (the history store, the journal log).
public struct Gathering: Sendable {
    public var windowNanoseconds: UInt64
    /// Past this many commands a gathering ends without waiting for its window.
    public var commandsMax: Int

    public init(windowNanoseconds: UInt64, commandsMax: Int = 8_192) {
        self.windowNanoseconds = windowNanoseconds
        self.commandsMax = commandsMax
    }

    public static let immediate = Gathering(windowNanoseconds: 0)
}
