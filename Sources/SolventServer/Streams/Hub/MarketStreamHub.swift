import Foundation
import SolventCore
import SolventJournal
import SolventStore
import SolventWire
import Synchronization

/// The market streams' one publisher. The committer hands it every durable batch (a cheap
/// enqueue: the committer never waits for it); its own thread keeps each market's stream state
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
    /// Durable batches not absorbed yet, each with the wall-clock time it was committed.
    private let pending = Mutex<[(batch: CommittedBatch, committedAt: Int64)]>([])
    private let wake = DispatchSemaphore(value: 0)
    private let absorbed: Atomic<UInt64>
    private let stopped = Atomic<Bool>(false)
    private let delivered = Atomic<UInt64>(0)

    init(catalog: Catalog, history: HubHistory) {
        state = Mutex(HubState(catalog: catalog, history: history))
        absorbed = Atomic(0)
    }

    /// Starts the hub's thread once its books hold the exchange as of `sequence` (see
    /// `StreamSeeding`); call once.
    func start(seededThrough sequence: UInt64) {
        absorbed.store(sequence, ordering: .releasing)
        NamedThread.start("stream-hub") { [self] in run() }
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        wake.signal()
    }

    /// Called from the commit hook: never blocks. The commit time becomes the `E` of what the
    /// batch causes, so a client can tell an event's age from engine commit to its receipt.
    func enqueue(_ batch: CommittedBatch) {
        let now = ServerClock.milliseconds()
        pending.withLock { $0.append((batch, now)) }
        wake.signal()
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
        while !stopped.load(ordering: .relaxed) {
            let waitMs = max(0, nextTick - ServerClock.milliseconds())
            _ = wake.wait(timeout: .now() + .milliseconds(Int(waitMs)))
            let batches = pending.withLock { batches in
                defer { batches.removeAll(keepingCapacity: true) }
                return batches
            }
            if !batches.isEmpty {
                state.withLock { state in
                    for entry in batches { state.absorb(entry.batch, committedAt: entry.committedAt, into: &deliveries) }
                }
                absorbed.store(batches[batches.count - 1].batch.lastSequence, ordering: .releasing)
                send(&deliveries)
            }
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

    /// Fans out outside the lock: subscribing and `/depth` never wait for sockets' outboxes.
    private func send(_ deliveries: inout [Delivery]) {
        var count = 0
        for delivery in deliveries { count += delivery.send() }
        deliveries.removeAll(keepingCapacity: true)
        delivered.add(UInt64(count), ordering: .relaxed)
    }
}
