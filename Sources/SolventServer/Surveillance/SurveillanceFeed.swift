import Foundation
import Prometheus
import SolventCore
import SolventJournal
import SolventStore
import SolventSurveillance
import Synchronization

/// Surveillance's one consumer of committed batches: a `RingCursor` (made before the sequencer
/// starts) read on a thread of its own, feeding every command with its events and time to the
/// detectors, and counting the alerts in `/metrics`.
///
/// It keeps a durable position like the history store: every stretch it examines is recorded in
/// `SQLiteSurveillanceStore` (its alerts, the reports it changed, the last sequence) in one
/// transaction, and at start recovery's one replay hands it the records after that position
/// (`catchUp`), so what was committed while the server was down, or before a crash let the feed
/// record it, is examined exactly once.
///
/// What restarts empty: the detectors' open windows (spoofing's tapes and pending cancels,
/// marking the close's window, the price band's trailing prices). They hold seconds to minutes
/// of a market, and rebuilding them would mean keeping their whole state on disk or replaying
/// the journal before the position. Recovery does hand the feed every record after its
/// position, so a pattern that starts after the position is seen whole; one that straddles it
/// is seen only from there. Wash trades need no window (one trade, or one prevented match, is
/// the evidence), so they are always flagged. Orders resting at start are seeded, as before.
final class SurveillanceFeed: Sendable {
    private struct State {
        var surveillance: Surveillance
        var position: UInt64
        /// Set by `close`: a server on the same data directory may start next, and the store
        /// must have one writer.
        var closed = false
    }

    /// With no batch for this long, the feed lets time pass on its own (windows close).
    static let idleNanoseconds: UInt64 = 1_000_000_000
    /// What arrived over up to 50 ms is examined and recorded in one transaction, as the history
    /// projector does: one SQLite commit per take cost ~5 µs an order at full load. A reader
    /// hurries the gathering (`waitUntilApplied`), so nobody waits for the window.
    static let gathering = Gathering(windowNanoseconds: 50_000_000)
    /// How far the wall clock is held back when it closes windows: a batch stamped just before a
    /// read of the clock may still be on its way.
    static let clockLagMilliseconds: Int64 = 1_000

    private let cursor: RingCursor
    private let store: SQLiteSurveillanceStore
    private let state: Mutex<State>
    private let counters: [SurveillanceAlert.Kind: Counter]
    private let log: @Sendable (String) -> Void

    /// Takes up what `store` kept; before the sequencer starts, as recovery calls `catchUp`.
    init(store: SQLiteSurveillanceStore, cursor: RingCursor, settings: SurveillanceSettings, metrics: APIMetrics,
         log: @escaping @Sendable (String) -> Void) throws {
        self.cursor = cursor
        self.store = store
        self.log = log
        var surveillance = Surveillance(thresholds: settings.thresholds, links: LinkedAccounts(settings.linkedAccounts))
        surveillance.restore(try store.load(alertsMax: Surveillance.alertsKeptMax, daysMax: Surveillance.reportDaysMax))
        state = Mutex(State(surveillance: surveillance, position: try store.position()))
        counters = Dictionary(uniqueKeysWithValues: SurveillanceAlert.Kind.allCases.map { kind in
            (kind, metrics.registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "solvent_surveillance_alerts", unitName: "total",
                                                 helpText: "Surveillance alerts raised"),
                labels: [("kind", kind.rawValue)]))
        })
    }

    /// What recovery hands the records after the feed's position: examined and recorded as live.
    var catchUp: CatchUpConsumer {
        CatchUpConsumer(name: "surveillance", position: state.withLock { $0.position }) { [self] batch in
            try examine([batch], idleUntil: nil)
        }
    }

    /// Seeds the orders open now (their placing may be before the position) and starts following
    /// the cursor; after recovery.
    func start(sequencer: Sequencer) async throws {
        let orders = try await sequencer.inspect { exchange in
            (0..<exchange.engine.marketCount).flatMap { market in
                [Side.buy, .sell].flatMap { exchange.openOrders(MarketId(market), $0) }
            }
        }
        state.withLock { state in orders.forEach { state.surveillance.seed(openOrder: $0) } }
        NamedThread.start("surveillance") { [self] in follow() }
    }

    private func follow() {
        var batches: [CommittedBatch] = []
        while cursor.take(into: &batches, gathering: Self.gathering, timeoutNanoseconds: Self.idleNanoseconds) {
            if state.withLock({ $0.closed }) { return }
            do {
                try examine(batches, idleUntil: ServerClock.milliseconds() - Self.clockLagMilliseconds)
            } catch {
                // Not examined is not lost: the position stays, and the next start hands the
                // feed these records again. Until then the feed stops (and stops holding the
                // ring back) rather than skip them.
                log("surveillance: recording failed, examining stops until a restart: \(error)")
                cursor.detach()
                return
            }
            batches.removeAll(keepingCapacity: true)
        }
    }

    /// Examines `batches` (or, with none, lets time pass to `idleUntil`) and records the result
    /// in one transaction before anyone can read it.
    private func examine(_ batches: [CommittedBatch], idleUntil: Timestamp?) throws {
        let raised = try state.withLock { state in
            var raised: [SurveillanceAlert] = []
            guard !state.closed else { return raised }
            if batches.isEmpty, let idleUntil {
                raised = state.surveillance.advance(to: idleUntil)
            } else {
                raised = batches.flatMap { Self.apply($0, to: &state) }
            }
            let reports = state.surveillance.takeChangedReports()
            guard !raised.isEmpty || !reports.isEmpty || !batches.isEmpty else { return raised }
            try store.record(alerts: raised, reports: reports, through: state.position)
            return raised
        }
        for alert in raised { counters[alert.kind]?.increment() }
    }

    private static func apply(_ batch: CommittedBatch, to state: inout State) -> [SurveillanceAlert] {
        guard batch.lastSequence > state.position else { return [] }
        assert(batch.firstSequence <= state.position + 1, "the feed sees every record after its position: no batch skipped")
        var raised: [SurveillanceAlert] = []
        for index in 0..<batch.count where batch.firstSequence + UInt64(index) > state.position {
            raised += state.surveillance.observe(batch.commands[index], batch.events(of: index), at: batch.time)
        }
        state.position = batch.lastSequence
        return raised
    }

    /// At shutdown: examines (up to ten seconds) what was committed through `sequence`, then
    /// records nothing more and stops holding the ring back. What it did not reach is examined
    /// at the next start, from the position recorded.
    func close(through sequence: UInt64) {
        var waited = 0
        while state.withLock({ $0.position }) < sequence && waited < 10_000 {
            cursor.hurry()
            usleep(1_000)
            waited += 1
        }
        state.withLock { $0.closed = true }
        cursor.detach()
    }

    /// Reads the detectors' state.
    func read<Value: Sendable>(_ body: (Surveillance) -> Value) -> Value {
        state.withLock { body($0.surveillance) }
    }

    /// Waits until the feed has examined record `sequence`, so an answer covers what was committed
    /// before the request; for at most `limit`: false when it has not (it is far behind, or
    /// stopped after a failed write), so a reader is told instead of held.
    func waitUntilApplied(_ sequence: UInt64, within limit: Duration = .seconds(10)) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while state.withLock({ $0.position }) < sequence {
            guard ContinuousClock.now < deadline else { return false }
            cursor.hurry()
            try await Task.sleep(nanoseconds: 200_000)
        }
        return true
    }
}
