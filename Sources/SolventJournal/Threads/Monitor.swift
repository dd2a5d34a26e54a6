import Glibc

/// A mutex and the condition variables that wait under it, on the monotonic clock: what the
/// commit ring's producer and cursors wait on. Each waiter has a condition of its own, so the
/// producer wakes only the cursor whose wait is over (a gathering consumer sleeps through the
/// batches that do not end its gathering).
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func locked<Value>(_ body: () throws -> Value) rethrows -> Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// One condition to wait on under this monitor's lock.
    final class Condition: @unchecked Sendable {
        private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>

        fileprivate init(_ mutex: UnsafeMutablePointer<pthread_mutex_t>) {
            self.mutex = mutex
            var attributes = pthread_condattr_t()
            pthread_condattr_init(&attributes)
            // Timed waits measure a duration: a wall-clock jump must not shorten or stretch them.
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
            pthread_cond_init(changed, &attributes)
            pthread_condattr_destroy(&attributes)
        }

        deinit {
            pthread_cond_destroy(changed)
            changed.deallocate()
        }

        /// Wakes the waiter; call with the lock held, after changing what it waits for.
        func signal() {
            pthread_cond_signal(changed)
        }

        /// Waits for a signal; call with the lock held, in a loop that re-checks its condition.
        func wait() {
            pthread_cond_wait(changed, mutex)
        }

        /// Waits for a signal or until `deadline` (CLOCK_MONOTONIC nanoseconds); false once the
        /// deadline has passed.
        func wait(untilNanoseconds deadline: UInt64) -> Bool {
            var until = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
            return pthread_cond_timedwait(changed, mutex, &until) != ETIMEDOUT
        }
    }

    func makeCondition() -> Condition {
        Condition(mutex)
    }
}
