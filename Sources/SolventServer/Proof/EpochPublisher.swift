import Foundation
import SolventAudit
import SolventCore
import SolventJournal
import SolventProof
import Synchronization

/// Publishes epoch n + 1: reads every balance at a journal position on the sequencer's thread,
/// waits for the journal log to hold that position, builds the liabilities tree, signs the
/// header (naming the journal size and root) and a checkpoint at that size, journals the header
/// (`publishEpoch`), and stores all of it. One epoch at a time: a second request while one is
/// being built is refused.
///
/// The journal numbers the epochs: n is the engine's latest epoch, read with the balances, so a
/// header is journaled before its files are written and the engine refuses it if another header
/// took its number meanwhile. A crash between the two leaves an epoch that is journaled but not
/// served; the next one follows it.
struct EpochPublisher: Sendable {
    let settings: ProofSettings
    let sequencer: Sequencer
    let journalLog: JournalLog
    let keys: ProofKeys
    let store: EpochStore
    let reserves: ReserveBook
    let attestor: ReserveAttestor
    let trees: TreeCache
    private let busy = BusyFlag()

    init(settings: ProofSettings, sequencer: Sequencer, journalLog: JournalLog, keys: ProofKeys, store: EpochStore,
         reserves: ReserveBook, attestor: ReserveAttestor, trees: TreeCache) {
        self.settings = settings
        self.sequencer = sequencer
        self.journalLog = journalLog
        self.keys = keys
        self.store = store
        self.reserves = reserves
        self.attestor = attestor
        self.trees = trees
    }

    /// A published epoch: its signed header, the checkpoint of the journal it names, and the
    /// reserve attestation behind the header's reserves.
    struct Published: Sendable {
        let header: SignedEpochHeader
        let checkpoint: SignedCheckpoint
        let reserves: SignedReserveAttestation
    }

    func publish() async throws -> Published {
        guard busy.setIfClear() else { throw ServerError("an epoch is being published; try again when it is done") }
        defer { busy.clear() }
        // The read holds up sequencing only while balances are copied (8 bytes per account and asset).
        // The snapshot time is the server's clock at the read: informative, the journal size is what binds.
        let (snapshot, size, time, journaled, owned) = try await sequencer.inspectPositioned { exchange, sequence in
            (LiabilitySnapshot(exchange: exchange), sequence, UInt64(max(0, ServerClock.milliseconds())),
             exchange.engine.latestEpoch, Self.exchangeOwned(exchange))
        }
        guard await journalLog.waitUntilAppended(size) else { throw ServerError("the journal log fell behind") }
        let root = try journalLog.read { try $0.root(size: size) }
        let previous = try previousEpoch(journaled: journaled)
        let epoch = previous.epoch + 1
        let (settings, secrets) = (settings, keys.secrets)
        let tree = try await OffThread.run("solvent-epoch-build") {
            try LiabilityTree.build(snapshot, epoch: epoch, height: settings.treeHeight, secrets: secrets)
        }
        // The wallets sign after the balances are read, so the chain's figures are at least as new.
        let attested = try await attestor.attest(tree.assets, exchangeOwned: owned, configured: reserves.reserves(for: tree.assets),
                                                 exchangeId: settings.exchangeId, epoch: epoch,
                                                 previousHeaderHash: previous.hash)
        let header = try EpochHeader(tree: tree, exchangeId: settings.exchangeId,
                                     previousHeaderHash: previous.hash, snapshotTimeMs: time,
                                     journalSize: size, journalRoot: Hash256(bytes: root.bytes)!,
                                     reserves: attested.reserves).sign(with: keys.signingKey)
        let attestation = try ReserveAttestation(exchangeId: settings.exchangeId, epoch: epoch, headerHash: header.hash,
                                                 assets: attested.assets).sign(with: keys.signingKey)
        try check(attestation, against: header)
        let checkpoint = try SignedCheckpoint(
            signing: Checkpoint(origin: settings.checkpointOrigin, size: size, root: root), with: keys.signingKey)
        try await journal(header)
        try store.save(header, checkpoint: checkpoint, snapshot: snapshot, reserves: attestation)
        trees.keep(tree)
        return Published(header: header, checkpoint: checkpoint, reserves: attestation)
    }

    /// What users will check, checked before it is published: a chain answer that breaks it stops here.
    private func check(_ attestation: SignedReserveAttestation, against header: SignedEpochHeader) throws {
        do {
            _ = try ProofVerifier(publicKey: keys.signingKey.publicKey)
                .verifyReserves(attestation: Array(attestation.json.utf8), header: Array(header.json.utf8))
        } catch {
            throw ServerError("the reserve attestation of epoch \(header.header.epoch) does not verify: \(error)")
        }
    }

    /// Per listed asset, what the exchange's own accounts hold (the fee account): liabilities
    /// owed to no customer, reported apart from the customers' (PROOF-FORMAT.md §11).
    private static func exchangeOwned(_ exchange: Exchange) -> [UInt128] {
        let engine = exchange.engine
        return engine.assets.indices.map { UInt128(max(0, engine.ledger.balance(.feeAccount, AssetId($0)).total)) }
    }

    /// The epoch the next one follows: the journal's latest, or the store's when that is newer
    /// (epochs published before headers were journaled); epoch 0 and a zero hash before the first.
    private func previousEpoch(journaled: EpochPublication?) throws -> (epoch: UInt64, hash: Hash256) {
        if let stored = try store.latestEpoch().flatMap({ try store.header($0) }),
           stored.header.epoch > journaled?.epoch ?? 0 {
            return (stored.header.epoch, stored.hash)
        }
        guard let journaled else { return (0, .zero) }
        return (journaled.epoch, Hash256(bytes: journaled.headerHash.bytes)!)
    }

    /// Puts the signed header into the journal, and waits for the journal log to hold its record
    /// so that the epoch can be audited as soon as it is served. Throws if the engine refused it.
    private func journal(_ header: SignedEpochHeader) async throws {
        let outcome = try await sequencer.execute(.publishEpoch(header.publication))
        for case .rejected(let rejection) in outcome.events {
            throw ServerError("the journal refused epoch \(header.header.epoch)'s header: \(rejection.reason.message)")
        }
        guard await journalLog.waitUntilAppended(outcome.sequence) else { throw ServerError("the journal log fell behind") }
    }
}

/// The newest trees in memory (the latest epoch's and the last one asked about), so proofs are
/// answered without rebuilding; an older epoch's tree is rebuilt from its stored snapshot.
final class TreeCache: Sendable {
    static let capacity = 2
    private let trees = Mutex<[LiabilityTree]>([])

    func tree(_ epoch: UInt64) -> LiabilityTree? {
        trees.withLock { trees in trees.first { $0.epoch == epoch } }
    }

    func keep(_ tree: LiabilityTree) {
        trees.withLock { trees in
            trees.removeAll { $0.epoch == tree.epoch }
            trees.insert(tree, at: 0)
            if trees.count > Self.capacity { trees.removeLast() }
        }
    }
}

/// A flag set by one caller at a time.
final class BusyFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func setIfClear() -> Bool {
        value.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    func clear() {
        value.store(false, ordering: .releasing)
    }
}
