import Glibc

/// The bounded queue between the callers and the sequencer thread. Producers append under a
/// lock; the sequencer swaps the whole pending array out in one step, so a batch costs one lock
/// round trip however many commands it holds. When full it refuses instead of growing.
final class InboundQueue: @unchecked Sendable {
    enum State: Equatable {
        case open
        /// No new submissions; the sequencer drains what is queued and stops.
        case closing
        case failed(SequencerError)
    }

    let capacity: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pending: [Submission] = []
    private var consumerWaiting = false
    private var state = State.open

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(lock, nil)
        pthread_cond_init(ready, nil)
        pending.reserveCapacity(capacity)
    }

    deinit {
        pthread_cond_destroy(ready)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        ready.deallocate()
    }

    /// Queues `submission`, or says why it cannot be.
    func push(_ submission: Submission) -> SequencerError? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        switch state {
        case .closing: return .stopped
        case .failed(let error): return error
        case .open: break
        }
        guard pending.count < capacity else { return .busy }
        pending.append(submission)
        if consumerWaiting { pthread_cond_signal(ready) }
        return nil
    }

    /// Waits until something is queued, then takes everything queued into `batch` (which must
    /// be empty; at most `capacity` arrive, and the sequencer commits them `fill` at a time).
    /// If `linger` is positive and fewer than `fill` arrived, waits up to `linger` nanoseconds
    /// for more. Returns false, with `batch` empty, once closing and drained.
    func take(into batch: inout [Submission], fill: Int, linger: Int) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while pending.isEmpty && state == .open { wait(until: nil) }
        if linger > 0 && pending.count < fill && state == .open {
            let deadline = Self.deadline(afterNanoseconds: linger)
            while pending.count < fill && state == .open && wait(until: deadline) {}
        }
        swap(&batch, &pending)
        return !batch.isEmpty
    }

    /// Stops accepting; what is queued is still taken.
    func close() {
        setState(.closing)
    }

    /// Stops accepting and hands back everything queued, for the caller to fail.
    func fail(_ error: SequencerError) -> [Submission] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        state = .failed(error)
        pthread_cond_broadcast(ready)
        defer { pending.removeAll() }
        return pending
    }

    private func setState(_ new: State) {
        pthread_mutex_lock(lock)
        if state == .open { state = new }
        pthread_cond_broadcast(ready)
        pthread_mutex_unlock(lock)
    }

    /// Waits for a signal (with the lock held); false once `deadline` has passed.
    @discardableResult
    private func wait(until deadline: timespec?) -> Bool {
        consumerWaiting = true
        defer { consumerWaiting = false }
        guard var deadline else {
            pthread_cond_wait(ready, lock)
            return true
        }
        return pthread_cond_timedwait(ready, lock, &deadline) != ETIMEDOUT
    }

    private static func deadline(afterNanoseconds nanoseconds: Int) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let total = Int(now.tv_nsec) + nanoseconds
        return timespec(tv_sec: now.tv_sec + total / 1_000_000_000, tv_nsec: total % 1_000_000_000)
    }
}
