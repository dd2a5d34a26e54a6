import Foundation
import SolventStore

/// One timed pass of a workload into a fresh database file: the thread CPU time of every
/// `record` call, summed. Setup batches are recorded before the clock starts.
enum HistoryBenchRun {
    /// What a run measured.
    struct Result {
        var cpuNanoseconds: UInt64
        var wallNanoseconds: UInt64
    }

    /// Which writer a run measures.
    enum Target {
        /// The history store as the server uses it.
        case store
        /// The orders alone into a table without indexes (`OrderRowsFloor`).
        case floor
    }

    static func run(_ workload: HistoryWorkload, into target: Target, directory: String) throws -> Result {
        let path = directory + "/history-\(UUID()).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let record: ([HistoryBatch]) throws -> Void
        switch target {
        case .store:
            let store = try SQLiteHistoryStore(path: path)
            try store.record(workload.setup)
            record = store.record
        case .floor:
            let floor = try OrderRowsFloor(path: path)
            try floor.record(workload.setup)
            record = floor.record
        }
        let cpuStart = ThreadCPUClock.nanoseconds()
        let wallStart = DispatchTime.now().uptimeNanoseconds
        for batches in workload.records { try record(batches) }
        return Result(cpuNanoseconds: ThreadCPUClock.nanoseconds() - cpuStart,
                      wallNanoseconds: DispatchTime.now().uptimeNanoseconds - wallStart)
    }
}
