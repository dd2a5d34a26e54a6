import Foundation
import SolventAudit
import SolventCore
import SolventJournal
import SolventProof
import SolventWire
import Synchronization

/// Everything the proof API and the operator's commands ask of proof of liabilities and of the
/// journal's Merkle log: publishing epochs, headers, a user's proof and secret, checkpoints,
/// inclusion and consistency proofs, and raw journal records for auditors.
final class ProofServices: Sendable {
    static let recordPageMax = AuditAPI.recordsPageMax

    let settings: ProofSettings
    let journalDirectory: String
    let journalLog: JournalLog
    let keys: ProofKeys
    let store: EpochStore
    let reserves: ReserveBook
    let publisher: EpochPublisher
    private let sequencer: Sequencer
    private let trees = TreeCache()
    private let latestCheckpoint: Mutex<SignedCheckpoint?>

    init(configuration: ServerConfiguration, sequencer: Sequencer, journalLog: JournalLog) throws {
        settings = configuration.proof
        try settings.validate()
        journalDirectory = configuration.journalDirectory
        self.journalLog = journalLog
        self.sequencer = sequencer
        keys = try ProofKeys(directory: configuration.proofDirectory, masterKey: MasterKey(path: try configuration.masterKeyFile))
        store = try EpochStore(directory: configuration.layout.epochs)
        reserves = ReserveBook(path: configuration.proofDirectory + "/reserves.json", configured: settings.reserves)
        publisher = EpochPublisher(settings: settings, sequencer: sequencer, journalLog: journalLog, keys: keys,
                                   store: store, reserves: reserves, attestor: try ReserveAttestor(configuration), trees: trees)
        let store = store
        latestCheckpoint = Mutex(try store.latestEpoch().flatMap { try store.checkpoint($0) })
    }

    func publishEpoch() async throws(BinanceError) -> EpochPublisher.Published {
        do {
            let published = try await publisher.publish()
            latestCheckpoint.withLock { $0 = published.checkpoint }
            return published
        } catch {
            throw .epochFailed("\(error)")
        }
    }

    /// The signed header of `epoch` (the latest when nil), as its stored JSON.
    func headerJSON(_ epoch: UInt64?) throws(BinanceError) -> [UInt8] {
        let number = try epochNumber(epoch)
        guard let json = store.headerJSON(number) else { throw .unknownEpoch(number) }
        return json
    }

    /// The reserve attestation of `epoch` (the latest when nil), as its stored JSON.
    func reservesJSON(_ epoch: UInt64?) throws(BinanceError) -> [UInt8] {
        let number = try epochNumber(epoch)
        guard let json = store.reservesJSON(number) else { throw .unknownEpoch(number) }
        return json
    }

    /// `account`'s proof in `epoch` (the latest when nil).
    func proof(account: AccountId, epoch: UInt64?) async throws(BinanceError) -> InclusionProof {
        let number = try epochNumber(epoch)
        do {
            guard let header = try store.header(number) else { throw BinanceError.unknownEpoch(number) }
            let tree = try await tree(number, height: header.header.height)
            return try tree.proof(for: UInt64(account), header: header.header)
        } catch ProofRequestError.unknownAccount {
            throw .notInEpoch
        } catch let error as BinanceError {
            throw error
        } catch {
            throw .unknown("cannot make the proof: \(error)")
        }
    }

    /// `account`'s secret for `epoch` (the latest when nil): a new one every epoch.
    func userSecret(account: AccountId, epoch: UInt64?) throws(BinanceError) -> UserSecret {
        keys.secrets.userSecret(accountId: UInt64(account), epoch: try epochNumber(epoch))
    }

    /// The last checkpoint published (at the latest epoch or on demand); a fresh one if none. A
    /// fresh one covers every record durable when it was asked for (the log takes batches a few
    /// milliseconds after the journal: it is waited for).
    func checkpoint(fresh: Bool) async throws(BinanceError) -> SignedCheckpoint {
        if !fresh, let latest = latestCheckpoint.withLock({ $0 }) { return latest }
        _ = await journalLog.waitUntilAppended(sequencer.committedSequence)
        let size = journalLog.size
        do {
            let root = try journalLog.read { try $0.root(size: size) }
            let signed = try SignedCheckpoint(signing: Checkpoint(origin: settings.checkpointOrigin, size: size, root: root),
                                              with: keys.signingKey)
            latestCheckpoint.withLock { $0 = signed }
            return signed
        } catch {
            throw .unknown("cannot sign a checkpoint: \(error)")
        }
    }

    /// The proof that record `sequence` is in the log's first `size` records.
    func inclusion(sequence: UInt64, size: UInt64) throws(BinanceError) -> (LogInclusionProof, LogHash, LogHash) {
        guard sequence >= 1 else { throw .invalidParameter("sequence") }
        do {
            return try journalLog.read { log throws(LogQueryError) in
                (try log.inclusionProof(index: sequence - 1, size: size), try log.leafHash(at: sequence - 1),
                 try log.root(size: size))
            }
        } catch {
            throw .logQuery(error)
        }
    }

    func consistency(first: UInt64, second: UInt64) throws(BinanceError) -> (LogConsistencyProof, LogHash, LogHash) {
        do {
            return try journalLog.read { log throws(LogQueryError) in
                (try log.consistencyProof(from: first, to: second), try log.root(size: first), try log.root(size: second))
            }
        } catch {
            throw .logQuery(error)
        }
    }

    /// Up to `limit` raw records from `first` on, never past what the log holds (durable).
    func records(from first: UInt64, limit: Int) throws(BinanceError) -> [(sequence: UInt64, time: Int64, body: [UInt8])] {
        let last = min(journalLog.size, first + UInt64(limit) - 1)
        guard first >= 1 else { throw .invalidParameter("fromSequence") }
        guard first <= last else { return [] }
        var records: [(UInt64, Int64, [UInt8])] = []
        do {
            try JournalReader(directory: journalDirectory).frames(after: first - 1, through: last) { frame in
                records.append((frame.record.sequence, frame.record.time, Array(frame.body)))
            }
        } catch {
            throw .unknown("cannot read the journal: \(error)")
        }
        return records
    }

    private func epochNumber(_ epoch: UInt64?) throws(BinanceError) -> UInt64 {
        if let epoch { return epoch }
        guard let latest = store.latestEpoch() else { throw .noEpochYet }
        return latest
    }

    private func tree(_ epoch: UInt64, height: Int) async throws -> LiabilityTree {
        if let cached = trees.tree(epoch) { return cached }
        guard let snapshot = try store.snapshot(epoch) else { throw BinanceError.unknownEpoch(epoch) }
        let secrets = keys.secrets
        let tree = try await OffThread.run("solvent-epoch-rebuild") {
            try LiabilityTree.build(snapshot, epoch: epoch, height: height, secrets: secrets)
        }
        trees.keep(tree)
        return tree
    }
}
