import Prometheus
import SolventCore
import SolventJournal
import SolventSurveillance
import Synchronization

/// Surveillance's one consumer of committed batches: a `RingCursor` (made before the sequencer
/// starts) read on a thread of its own, feeding every command with its events and time to the
/// detectors, and counting the alerts in `/metrics`. It keeps no position: it starts at the ring,
/// seeded with the orders open then, so alerts cover what is committed while the server runs.
final class SurveillanceFeed: Sendable {
    private struct State {
        var surveillance: Surveillance
        var position: UInt64
    }

    /// With no batch for this long, the feed lets time pass on its own (windows close).
    static let idleNanoseconds: UInt64 = 1_000_000_000
    /// How far the wall clock is held back when it closes windows: a batch stamped just before a
    /// read of the clock may still be on its way.
    static let clockLagMilliseconds: Int64 = 1_000

    private let cursor: RingCursor
    private let state: Mutex<State>
    private let counters: [SurveillanceAlert.Kind: Counter]

    init(sequencer: Sequencer, cursor: RingCursor, settings: SurveillanceSettings, metrics: APIMetrics) async throws {
        self.cursor = cursor
        let seeded = try await sequencer.inspectPositioned { exchange, position in
            let orders = (0..<exchange.engine.marketCount).flatMap { market in
                [Side.buy, .sell].flatMap { exchange.openOrders(MarketId(market), $0) }
            }
            return (orders, position)
        }
        var surveillance = Surveillance(thresholds: settings.thresholds, links: LinkedAccounts(settings.linkedAccounts))
        seeded.0.forEach { surveillance.seed(openOrder: $0) }
        state = Mutex(State(surveillance: surveillance, position: seeded.1))
        counters = Dictionary(uniqueKeysWithValues: SurveillanceAlert.Kind.allCases.map { kind in
            (kind, metrics.registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "solvent_surveillance_alerts", unitName: "total",
                                                 helpText: "Surveillance alerts raised"),
                labels: [("kind", kind.rawValue)]))
        })
        NamedThread.start("surveillance") { [self] in follow() }
    }

    private func follow() {
        var batches: [CommittedBatch] = []
        while cursor.take(into: &batches, timeoutNanoseconds: Self.idleNanoseconds) {
            let raised = state.withLock { state in
                if batches.isEmpty {
                    return state.surveillance.advance(to: ServerClock.milliseconds() - Self.clockLagMilliseconds)
                }
                return batches.flatMap { Self.apply($0, to: &state) }
            }
            for alert in raised { counters[alert.kind]?.increment() }
            batches.removeAll(keepingCapacity: true)
        }
    }

    private static func apply(_ batch: CommittedBatch, to state: inout State) -> [SurveillanceAlert] {
        guard batch.lastSequence > state.position else { return [] }
        assert(batch.firstSequence <= state.position + 1, "the feed sees every record after its seed: no batch skipped")
        var raised: [SurveillanceAlert] = []
        for index in 0..<batch.count where batch.firstSequence + UInt64(index) > state.position {
            raised += state.surveillance.observe(batch.commands[index], batch.events(of: index), at: batch.time)
        }
        state.position = batch.lastSequence
        return raised
    }

    /// Reads the detectors' state.
    func read<Value: Sendable>(_ body: (Surveillance) -> Value) -> Value {
        state.withLock { body($0.surveillance) }
    }

    /// Waits until the feed has seen record `sequence`, so an answer covers what was committed
    /// before the request.
    func waitUntilApplied(_ sequence: UInt64) async throws {
        while state.withLock({ $0.position }) < sequence {
            cursor.hurry()
            try await Task.sleep(nanoseconds: 200_000)
        }
    }
}
