@testable import SolventJournal
import SolventTestSupport

/// A scripted fault: the `nth` write or sync (counting from 1, on files whose path contains the
/// plan's filter) misbehaves once.
enum Fault: Equatable, Sendable, CustomStringConvertible {
    /// The write stores and reports fewer bytes than asked; the caller must write the rest.
    case shortWrite(nth: Int)
    /// The write fails with EIO and stores nothing.
    case failWrite(nth: Int)
    /// The sync fails with EIO. `persisted`: the bytes reached the platter anyway; otherwise
    /// they are lost and every later sync of that file fails too.
    case failSync(nth: Int, persisted: Bool)

    /// The fault without its position, for counting which kinds a run exercised.
    var kind: String {
        switch self {
        case .shortWrite: "short write"
        case .failWrite: "EIO on write"
        case .failSync(_, let persisted): persisted ? "EIO on sync, data persisted" : "EIO on sync, data lost"
        }
    }

    var description: String {
        switch self {
        case .shortWrite(let nth): "short write #\(nth)"
        case .failWrite(let nth): "EIO on write #\(nth)"
        case .failSync(let nth, let persisted): "EIO on sync #\(nth) (\(persisted ? "data persisted" : "data lost"))"
        }
    }
}

/// The operations that change a disk, as an observer sees them about to happen.
enum DiskOperation: Equatable, Sendable {
    case create, write, reserve, sync, truncate, rename, remove, syncDirectory
}

/// What the memory disk does to each write and sync: scripted faults, random short writes, and
/// an optional observer told of every operation before it runs.
struct FaultPlan {
    enum WriteOutcome: Equatable { case full, short(Int), fail }
    enum SyncOutcome: Equatable { case succeed, fail(persisted: Bool) }

    var random = SplitMix64(seed: 0)
    /// Only operations on paths containing this count and may fail ("" matches every file).
    var pathFilter = ""
    var faults: [Fault] = []
    var shortWritePercent = 0
    private(set) var writes = 0
    private(set) var syncs = 0
    private(set) var fired: [Fault] = []
    /// Writes shortened at random (not scripted).
    private(set) var randomShortWrites = 0
    /// Called before each changing operation with its path, outside the disk's lock; may block,
    /// or take a `crash()` image of the disk at that instant.
    var observer: (@Sendable (DiskOperation, String) -> Void)?

    mutating func nextWrite(path: String, length: Int) -> WriteOutcome {
        guard pathFilter.isEmpty || path.contains(pathFilter) else { return .full }
        writes += 1
        for fault in faults {
            switch fault {
            case .failWrite(let nth) where nth == writes:
                fired.append(fault)
                return .fail
            // The first write from the nth on that can be shortened at all (a 1-byte write,
            // say the rest of a random short write, cannot): which write is nth depends on
            // how the snapshot writer's thread interleaves, so "exactly the nth" could miss.
            case .shortWrite(let nth) where nth <= writes && length > 1 && !fired.contains(fault):
                fired.append(fault)
                return .short(Int.random(in: 1..<length, using: &random))
            default:
                continue
            }
        }
        if length > 1 && random.chance(shortWritePercent) {
            randomShortWrites += 1
            return .short(Int.random(in: 1..<length, using: &random))
        }
        return .full
    }

    mutating func nextSync(path: String) -> SyncOutcome {
        guard pathFilter.isEmpty || path.contains(pathFilter) else { return .succeed }
        syncs += 1
        for fault in faults {
            if case .failSync(let nth, let persisted) = fault, nth == syncs {
                fired.append(fault)
                return .fail(persisted: persisted)
            }
        }
        return .succeed
    }
}

extension MemoryFileSystem {
    /// Arms `faults` for files whose path contains `pathFilter`, counting operations from now.
    func inject(_ faults: [Fault], onPathsContaining pathFilter: String = JournalFiles.segmentPrefix) {
        lock.withLock {
            plan.faults = faults
            plan.pathFilter = pathFilter
        }
    }

    /// Makes roughly `percent` % of writes short (never failing): the writer must finish them.
    func shortenWrites(percent: Int) {
        lock.withLock { plan.shortWritePercent = percent }
    }

    /// Runs `gate` (which may block) with the file's path before every sync.
    func gateSyncs(_ gate: @escaping @Sendable (String) -> Void) {
        observe { operation, path in if operation == .sync { gate(path) } }
    }

    /// Runs `observer` before every changing operation (see `FaultPlan.observer`).
    func observe(_ observer: @escaping @Sendable (DiskOperation, String) -> Void) {
        lock.withLock { plan.observer = observer }
    }

    /// The scripted faults that have happened so far.
    var firedFaults: [Fault] { lock.withLock { plan.fired } }

    /// How many writes were shortened at random so far.
    var randomShortWrites: Int { lock.withLock { plan.randomShortWrites } }

    /// Writes and syncs counted against the plan so far.
    var operationCounts: (writes: Int, syncs: Int) { lock.withLock { (plan.writes, plan.syncs) } }
}
