import Glibc

/// The server's wall clock in milliseconds: request timing rules, `serverTime`, rate windows.
enum ServerClock {
    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
