import Glibc
import SolventCommandLine

/// What one fdatasync costs on the disk under the data directory: 4 KiB appended, then synced,
/// `samples` times. Every durable figure is bounded by this, so it is reported beside them.
enum DiskProbe {
    static func fdatasyncNanoseconds(in directory: String, samples: Int = 200) -> LatencyHistogram? {
        let path = directory + "/fdatasync-probe"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor); unlink(path) }
        let page = [UInt8](repeating: 0x5A, count: 4_096)
        var durations: [UInt32] = []
        for _ in 0..<samples {
            guard page.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == page.count else { return nil }
            let started = MonotonicClock.nanoseconds()
            guard fdatasync(descriptor) == 0 else { return nil }
            durations.append(UInt32(clamping: MonotonicClock.nanoseconds() &- started))
        }
        return LatencyHistogram(durations)
    }
}
