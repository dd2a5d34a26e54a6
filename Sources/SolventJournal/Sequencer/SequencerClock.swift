import Glibc
import SolventCore

/// Where the sequencer reads the time it stamps on each batch (milliseconds since the Unix
/// epoch). The core never reads a clock; this is the one place time enters the exchange.
public protocol SequencerClock: Sendable {
    func now() -> Timestamp
}

/// The wall clock (CLOCK_REALTIME). The sequencer never lets stamped time go backwards.
public struct SystemClock: SequencerClock {
    public init() {}

    public func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(time.tv_sec) * 1_000 + Timestamp(time.tv_nsec) / 1_000_000
    }
}
