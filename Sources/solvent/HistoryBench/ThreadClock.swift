import Glibc

/// CPU time the calling thread has used, in nanoseconds: what a benchmark of one thread's work
/// reports, unaffected by other processes sharing the cores or by time spent waiting on the disk.
enum ThreadClock {
    static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        let status = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        precondition(status == 0, "the thread CPU clock is always there on Linux")
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
