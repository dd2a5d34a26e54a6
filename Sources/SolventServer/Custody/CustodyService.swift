import Foundation
import Logging
import SolventCore
import SolventCustody
import SolventJournal
import Synchronization

/// The exchange's side of `solvent chain` (or bitcoind): when the data directory names chain
/// endpoints (`chain.url`, `chain.cookie`), a custodian per listed asset that has a chain, run
/// every `pollMilliseconds` on one task. Without them there is no custody and the wallet API
/// answers that deposits and withdrawals are off.
final class CustodyService: Sendable {
    let settings: CustodySettings
    private let endpoints: ChainEndpoints
    private let cookieFile: String
    private let feed: CustodyFeed
    private let sequencer: Sequencer
    private let custodians = Mutex<[AssetId: ChainCustodian]>([:])
    /// Each asset's hot wallet after its last pass, for the operator.
    private let hotWallets = Mutex<[AssetId: HotWalletStatus]>([:])
    private let metrics: APIMetrics
    private let logger: Logger

    /// The ring cursor custody would read, made before the sequencer starts, if chains are configured.
    static func cursor(_ configuration: ServerConfiguration, ring: CommitRing) -> RingCursor? {
        FileManager.default.fileExists(atPath: configuration.chainURLsFile) ? ring.cursor("custody") : nil
    }

    init(_ configuration: ServerConfiguration, cursor: RingCursor, sequencer: Sequencer, metrics: APIMetrics,
         logger: Logger) async throws {
        settings = configuration.custody
        self.metrics = metrics
        endpoints = try ChainEndpoints.read(from: configuration.chainURLsFile)
        cookieFile = configuration.chainCookieFile
        self.sequencer = sequencer
        self.logger = logger
        feed = try await CustodyFeed(sequencer: sequencer, cursor: cursor)
    }

    /// The custodian of `asset`, nil when no chain carries it.
    func custodian(_ asset: AssetId, spec: AssetSpec) -> ChainCustodian? {
        custodians.withLock { custodians in
            if let existing = custodians[asset] { return existing }
            guard let adapter = endpoints.adapter(symbol: spec.name, wallet: "hot", cookieFile: cookieFile,
                                                  scale: spec.scale) else { return nil }
            let symbol = spec.name
            let custodian = ChainCustodian(asset: asset, adapter: adapter,
                                           policy: .init(confirmationsRequired: settings.confirmationsRequired,
                                                         hotCeiling: settings.hotCeilings[symbol],
                                                         hotFloor: settings.hotFloors[symbol] ?? 0,
                                                         coldAddress: settings.coldAddresses[symbol]),
                                           sequencer: sequencer, feed: feed)
            custodians[asset] = custodian
            return custodian
        }
    }

    /// What the journal says of `asset` now.
    func view(_ asset: AssetId) -> CustodyView? { feed.view(asset) }

    /// Waits until custody's view holds record `sequence`.
    func waitUntilApplied(_ sequence: UInt64) async { try? await feed.waitUntilApplied(sequence) }

    /// Every chain-carried asset's hot wallet after its last pass, by symbol.
    var hotWalletStatuses: [HotWalletStatus] {
        hotWallets.withLock { Array($0.values) }.sorted { $0.symbol < $1.symbol }
    }

    /// Runs every custodian of `assets` once per interval until cancelled.
    func run(assets: @escaping @Sendable () -> [(AssetId, AssetSpec)]) -> Task<Void, Never> {
        Task { [self] in
            while !Task.isCancelled {
                for (asset, spec) in assets() {
                    guard let custodian = custodian(asset, spec: spec) else { continue }
                    await pass(custodian, spec)
                }
                try? await Task.sleep(nanoseconds: UInt64(settings.pollMilliseconds) * 1_000_000)
            }
        }
    }

    /// One custodian's pass; what it found is logged and kept for the operator.
    private func pass(_ custodian: ChainCustodian, _ spec: AssetSpec) async {
        let symbol = spec.name
        var status = HotWalletStatus(symbol: symbol, scale: spec.scale, floor: custodian.policy.hotFloor,
                                     ceiling: custodian.policy.hotCeiling, checkedAt: ServerClock.milliseconds())
        do {
            let pass = try await custodian.runOnce()
            for incident in pass.incidents { logger.warning("custody \(symbol): \(incident)") }
            status.hotBalance = pass.hotBalance
            status.queued = pass.queued
            status.incidents = pass.incidents
        } catch {
            logger.warning("custody \(symbol): \(error)")
            // What the last pass knew stands until a pass finishes again.
            let previous = hotWallets.withLock { $0[custodian.asset] }
            status.hotBalance = previous?.hotBalance
            status.queued = previous?.queued ?? []
            status.failure = "\(error)"
        }
        status.checkedAt = ServerClock.milliseconds()
        hotWallets.withLock { $0[custodian.asset] = status }
        metrics.record(status)
    }
}
