import SolventCore
import SolventJournal
import Synchronization

/// Custody's one consumer of committed batches: a `RingCursor` (made before the sequencer starts)
/// read on a thread of its own, keeping a `CustodyView` per listed asset. Seeded from the
/// exchange's state at a sequence; an asset listed later starts with an empty view at its
/// listing. Reading starts at once, so the ring is never held back by a chain not yet in use.
public final class CustodyFeed: Sendable {
    private struct Views {
        var byAsset: [AssetId: CustodyView] = [:]
        var position: UInt64 = 0
    }

    private let cursor: RingCursor
    private let views: Mutex<Views>

    public init(sequencer: Sequencer, cursor: RingCursor) async throws {
        self.cursor = cursor
        let seeded = try await sequencer.inspectPositioned { exchange, position in
            var views = Views(position: position)
            for asset in 0..<exchange.engine.assets.count {
                views.byAsset[AssetId(asset)] = CustodyView(asset: AssetId(asset), exchange: exchange, position: position)
            }
            return views
        }
        views = Mutex(seeded)
        NamedThread.start("custody") { [self] in follow() }
    }

    private func follow() {
        var batches: [CommittedBatch] = []
        while cursor.take(into: &batches) {
            views.withLock { views in batches.forEach { Self.apply($0, to: &views) } }
            batches.removeAll(keepingCapacity: true)
        }
    }

    private static func apply(_ batch: CommittedBatch, to views: inout Views) {
        guard batch.lastSequence > views.position else { return }
        for index in 0..<batch.count where batch.firstSequence + UInt64(index) > views.position {
            for case .assetListed(let asset) in batch.events(of: index) {
                views.byAsset[asset] = CustodyView(asset: asset, position: batch.firstSequence + UInt64(index))
            }
        }
        for asset in views.byAsset.keys { views.byAsset[asset]!.apply(batch) }
        views.position = batch.lastSequence
    }

    /// The asset's view now (nil until it is listed).
    public func view(_ asset: AssetId) -> CustodyView? { views.withLock { $0.byAsset[asset] } }

    /// The last sequence every view reflects.
    public var position: UInt64 { views.withLock { $0.position } }

    /// Waits until the views reflect record `sequence`.
    public func waitUntilApplied(_ sequence: UInt64) async throws {
        while position < sequence {
            cursor.hurry()
            try await Task.sleep(nanoseconds: 200_000)
        }
    }
}
