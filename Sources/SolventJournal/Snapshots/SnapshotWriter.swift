import Dispatch
import Synchronization

/// Writes snapshots away from the sequencer's thread: the sequencer only encodes the state (the
/// copy), this writes, syncs, renames into place, syncs the directory and applies retention,
/// one snapshot after another. It is handed a snapshot only once the journal holds every record
/// the snapshot includes, so a snapshot never runs ahead of the journal.
final class SnapshotWriter: @unchecked Sendable {
    private let directory: String
    private let fileSystem: any FileSystem
    private let retention: Retention
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "solvent.snapshot-writer")
    private let inFlight = Atomic<Int>(0)

    init(directory: String, fileSystem: any FileSystem, retention: Retention, log: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.retention = retention
        self.log = log
    }

    /// Whether a snapshot is waiting or being written: the sequencer then encodes no new one.
    var isBusy: Bool { inFlight.load(ordering: .acquiring) > 0 }

    /// Writes `snapshot` in the background.
    func write(_ snapshot: SnapshotFile) {
        inFlight.add(1, ordering: .acquiringAndReleasing)
        queue.async { [self] in
            defer { inFlight.subtract(1, ordering: .acquiringAndReleasing) }
            let name = JournalFiles.snapshotName(sequence: snapshot.sequence)
            do {
                try fileSystem.writeAtomically(snapshot.encoded(), to: JournalFiles.path(directory, name),
                                               directory: directory)
                log("snapshot: wrote \(name) (\(snapshot.state.count) bytes of state)")
                if case .prune(let kept) = retention { try prune(keepingSnapshots: kept) }
            } catch {
                // The journal still holds everything; a missed snapshot only lengthens replay.
                log("snapshot: \(name) failed: \(error)")
            }
        }
    }

    /// Waits for the snapshot being written, if any.
    func drain() {
        queue.sync {}
    }

    private func prune(keepingSnapshots kept: Int) throws(FileSystemError) {
        let names = try fileSystem.list(directory)
        let snapshots = JournalFiles.snapshots(in: names)
        guard kept >= 1, snapshots.count >= 1 else { return }
        let oldestKept = snapshots[min(kept, snapshots.count) - 1].sequence
        var removed: [String] = snapshots.dropFirst(kept).map(\.name)
        let segments = JournalFiles.segments(in: names)
        for (segment, next) in zip(segments, segments.dropFirst()) where next.first <= oldestKept + 1 {
            removed.append(segment.name)
        }
        for name in removed { try fileSystem.remove(JournalFiles.path(directory, name)) }
        if !removed.isEmpty {
            try fileSystem.syncDirectory(directory)
            log("snapshot: pruned \(removed.count) files older than sequence \(oldestKept)")
        }
    }
}
