import Glibc

/// CPU time the calling thread has used, in nanoseconds: what a benchmark of one thread's work
/// (a request path's stages, the history store's writes) reports, unaffected by other processes
/// sharing the cores or by time spent waiting on the disk.
enum ThreadCPUClock {
    static func nanoseconds() -> UInt64 {
        var now = timespec()
        let status = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        precondition(status == 0, "the thread CPU clock is always there on Linux")
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
