import Foundation
import SolventCore
import SolventJournal
import SolventStore
import SolventWire
import Synchronization

/// The market streams' one publisher. Its own thread reads every durable batch from its cursor
/// on the commit ring, keeps each market's stream state
/// (book levels with their update id, depth diffs, bars, ticker changes), renders each payload
/// once and queues the same bytes on every subscriber's outbox. Timed streams (depth every 100
/// or 1000 ms, klines, tickers every second) are flushed by the same thread on a 100 ms tick.
///
/// Subscriptions, depth snapshots and batches all go through one lock, so a subscription
/// starts at a precise book update id and `/api/v3/depth` reports exactly the id its levels
/// correspond to (spec §5.5).
final class MarketStreamHub: Sendable {
    static let tickMilliseconds: Int64 = 100

    private let state: Mutex<HubState>
    private let cursor: RingCursor
    private let absorbed: Atomic<UInt64>
    private let stopped = Atomic<Bool>(false)
    private let delivered = Atomic<UInt64>(0)

    init(catalog: Catalog, history: HubHistory, cursor: RingCursor) {
        state = Mutex(HubState(catalog: catalog, history: history))
        self.cursor = cursor
        absorbed = Atomic(0)
    }

    /// Starts the hub's thread once its books hold the exchange as of `sequence` (see
    /// `StreamSeeding`); call once.
    func start(seededThrough sequence: UInt64) {
        absorbed.store(sequence, ordering: .releasing)
        NamedThread.start("stream-hub") { [self] in run() }
    }

    /// Ends the hub's thread within a tick.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// The last sequence whose events the streams (and the depth snapshots) include.
    var absorbedSequence: UInt64 { absorbed.load(ordering: .acquiring) }

    /// Messages queued on outboxes since start (the benchmark's count).
    var deliveredMessages: UInt64 { delivered.load(ordering: .relaxed) }

    /// Waits (up to ten seconds, for a badly loaded machine) until the hub has absorbed
    /// everything through `sequence`.
    func waitUntilAbsorbed(_ sequence: UInt64) async {
        var waited = 0
        while absorbedSequence < sequence && waited < 10_000 {
            try? await Task.sleep(nanoseconds: 200_000)
            waited += 1
        }
    }

    /// Runs `body` on the hub's state under its lock (subscriptions, snapshots, seeding).
    func withState<Value>(_ body: (inout HubState) -> Value) -> Value {
        state.withLock { body(&$0) }
    }

    // MARK: The hub's thread

    private func run() {
        var deliveries: [Delivery] = []
        var nextTick = ServerClock.milliseconds() + Self.tickMilliseconds
        var lastSecond = ServerClock.milliseconds() / 1_000
        var batches: [CommittedBatch] = []
        defer { cursor.detach() }
        while !stopped.load(ordering: .relaxed) {
            let waitNanoseconds = UInt64(max(0, nextTick - ServerClock.milliseconds())) * 1_000_000
            guard cursor.take(into: &batches, timeoutNanoseconds: waitNanoseconds) else { return }
            absorb(batches, into: &deliveries)
            batches.removeAll(keepingCapacity: true)
            let now = ServerClock.milliseconds()
            if now >= nextTick {
                let second = now / 1_000
                let firstOfSecond = second != lastSecond ? second : nil
                lastSecond = second
                state.withLock { $0.tick(now: now, second: firstOfSecond, into: &deliveries) }
                send(&deliveries)
                nextTick = now - now % Self.tickMilliseconds + Self.tickMilliseconds
            }
        }
    }

    /// The batches the seeded books do not hold yet. A batch's commit time becomes the `E` of
    /// what it causes, so a client can tell an event's age from engine commit to its receipt.
    private func absorb(_ batches: [CommittedBatch], into deliveries: inout [Delivery]) {
        let seeded = absorbedSequence
        let fresh = batches.drop { $0.lastSequence <= seeded }
        guard let last = fresh.last else { return }
        state.withLock { state in
            for batch in fresh { state.absorb(batch, committedAt: batch.time, into: &deliveries) }
        }
        absorbed.store(last.lastSequence, ordering: .releasing)
        send(&deliveries)
    }

    /// Fans out outside the lock: subscribing and `/depth` never wait for sockets' outboxes.
    private func send(_ deliveries: inout [Delivery]) {
        var count = 0
        for delivery in deliveries { count += delivery.send() }
        deliveries.removeAll(keepingCapacity: true)
        delivered.add(UInt64(count), ordering: .relaxed)
    }
}
