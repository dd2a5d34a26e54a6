import Glibc

/// A bounded queue between threads. Producers append under a lock; the consumer swaps the whole
/// pending array out in one step, so taking a batch costs one lock round trip however long it
/// is. When full, `push` refuses (callers get `busy`) and `pushWaiting` blocks (back-pressure
/// between the sequencer's own stages). It never grows past its capacity.
final class BoundedQueue<Element>: @unchecked Sendable {
    enum State: Equatable {
        case open
        /// No new elements; the consumer drains what is queued and stops.
        case closing
        case failed(SequencerError)
    }

    let capacity: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let room = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pending: [Element] = []
    private var consumerWaiting = false
    private var producersWaiting = 0
    private var state = State.open

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(lock, nil)
        pthread_cond_init(ready, nil)
        pthread_cond_init(room, nil)
        pending.reserveCapacity(capacity)
    }

    deinit {
        pthread_cond_destroy(room)
        pthread_cond_destroy(ready)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        ready.deallocate()
        room.deallocate()
    }

    /// Queues `element`, or says why it cannot be (`busy` when full).
    func push(_ element: Element) -> SequencerError? {
        locked {
            if let refusal = refusal { return refusal }
            guard pending.count < capacity else { return .busy }
            append(element)
            return nil
        }
    }

    /// Queues `element`, waiting while the queue is full; refuses only once closed or failed.
    func pushWaiting(_ element: Element) -> SequencerError? {
        locked {
            while refusal == nil && pending.count >= capacity {
                producersWaiting += 1
                pthread_cond_wait(room, lock)
                producersWaiting -= 1
            }
            if let refusal = refusal { return refusal }
            append(element)
            return nil
        }
    }

    /// Waits until something is queued, then takes everything queued into `batch` (which must
    /// be empty). If `linger` is positive and fewer than `fill` arrived, waits up to `linger`
    /// nanoseconds for more. Returns false, with `batch` empty, once closed (or failed) and drained.
    func take(into batch: inout [Element], fill: Int = 1, linger: Int = 0) -> Bool {
        locked {
            while pending.isEmpty && state == .open { waitForElements(until: nil) }
            if linger > 0 && pending.count < fill && state == .open {
                let deadline = Self.deadline(afterNanoseconds: linger)
                while pending.count < fill && state == .open && waitForElements(until: deadline) {}
            }
            swap(&batch, &pending)
            if producersWaiting > 0 { pthread_cond_broadcast(room) }
            return !batch.isEmpty
        }
    }

    /// Stops accepting; what is queued is still taken.
    func close() {
        locked {
            if state == .open { state = .closing }
            wakeEveryone()
        }
    }

    /// Stops accepting and hands back everything queued, for the caller to refuse.
    func fail(_ error: SequencerError) -> [Element] {
        locked {
            state = .failed(error)
            wakeEveryone()
            defer { pending.removeAll() }
            return pending
        }
    }

    private var refusal: SequencerError? {
        switch state {
        case .open: nil
        case .closing: .stopped
        case .failed(let error): error
        }
    }

    private func append(_ element: Element) {
        pending.append(element)
        if consumerWaiting { pthread_cond_signal(ready) }
    }

    private func wakeEveryone() {
        pthread_cond_broadcast(ready)
        pthread_cond_broadcast(room)
    }

    private func locked<Value>(_ body: () -> Value) -> Value {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// Waits for a producer's signal (with the lock held); false once `deadline` has passed.
    @discardableResult
    private func waitForElements(until deadline: timespec?) -> Bool {
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
