#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The benchmark's clock: CLOCK_MONOTONIC_RAW, which NTP never slews (read through the vDSO, so
/// about 20 ns and no system call).
package enum MonotonicClock {
    @inline(__always)
    package static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC_RAW, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// Median cost of one reading, to be read beside per-command latencies that include one.
    package static func readingCostNanoseconds(samples: Int = 10_001) -> UInt64 {
        var deltas: [UInt64] = []
        deltas.reserveCapacity(samples)
        var previous = nanoseconds()
        for _ in 0..<samples {
            let now = nanoseconds()
            deltas.append(now &- previous)
            previous = now
        }
        deltas.sort()
        return deltas[deltas.count / 2]
    }
}
