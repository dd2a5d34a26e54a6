import Glibc

/// CPU time the calling thread has used, in nanoseconds: what a stage of the request path costs
/// the event loop that runs it, whatever else the machine is doing.
enum ThreadCPUClock {
    static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
