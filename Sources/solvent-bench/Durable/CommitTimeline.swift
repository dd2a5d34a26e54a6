import Synchronization

/// When each command was submitted and when the batch holding it became durable, recorded
/// without locks: the producer writes submit times, the sequencer's commit hook writes batch
/// boundaries. Read only after the run, once every command is acknowledged.
final class CommitTimeline: @unchecked Sendable {
    let firstSequence: UInt64
    let count: Int
    private let submitted: UnsafeMutablePointer<UInt64>
    /// Per batch: (last sequence, commit time), in commit order.
    private let commits: UnsafeMutablePointer<(UInt64, UInt64)>
    private let commitCount = Atomic<Int>(0)
    /// Per group commit: nanoseconds spent writing and syncing.
    private let syncs: UnsafeMutablePointer<UInt32>
    private let syncCount = Atomic<Int>(0)
    private let lastCommitted = Atomic<UInt64>(0)

    init(firstSequence: UInt64, count: Int) {
        self.firstSequence = firstSequence
        self.count = count
        submitted = .allocate(capacity: count)
        commits = .allocate(capacity: count)
        syncs = .allocate(capacity: count)
    }

    deinit {
        submitted.deallocate()
        commits.deallocate()
        syncs.deallocate()
    }

    func submitted(_ index: Int, at nanoseconds: UInt64) {
        submitted[index] = nanoseconds
    }

    /// Called from the commit hook with each durable batch.
    func committed(through last: UInt64, at nanoseconds: UInt64) {
        guard last >= firstSequence else { return }
        let index = commitCount.load(ordering: .relaxed)
        guard index < count else { return }
        commits[index] = (last, nanoseconds)
        commitCount.store(index + 1, ordering: .releasing)
        lastCommitted.store(last, ordering: .releasing)
    }

    /// Called from the sync hook with each group commit's write-and-sync time.
    func synced(nanoseconds: UInt64) {
        let index = syncCount.load(ordering: .relaxed)
        guard index < count else { return }
        syncs[index] = UInt32(clamping: nanoseconds)
        syncCount.store(index + 1, ordering: .releasing)
    }

    var syncDurations: [UInt32] {
        Array(UnsafeBufferPointer(start: syncs, count: syncCount.load(ordering: .acquiring)))
    }

    var isComplete: Bool {
        lastCommitted.load(ordering: .acquiring) >= firstSequence + UInt64(count) - 1
    }

    /// Submit-to-durable latency of every command, and the size of every batch.
    func latencies() -> (nanoseconds: [UInt32], batchSizes: [Int], elapsed: UInt64) {
        var latencies: [UInt32] = []
        latencies.reserveCapacity(count)
        var batchSizes: [Int] = []
        var next = 0
        var lastTime: UInt64 = 0
        for batch in 0..<commitCount.load(ordering: .acquiring) {
            let (last, time) = commits[batch]
            let end = min(Int(last - firstSequence) + 1, count)
            guard end > next else { continue }
            for index in next..<end { latencies.append(UInt32(clamping: time &- submitted[index])) }
            batchSizes.append(end - next)
            next = end
            lastTime = time
        }
        return (latencies, batchSizes, lastTime &- submitted[0])
    }
}
