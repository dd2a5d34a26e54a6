#if canImport(Glibc)
import Glibc
#endif

/// The process's resident memory (as Linux reports it in `/proc/self/status`) and CPU time.
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in bytes, or nil off Linux.
    static func peakResidentBytes() -> Int? {
        statusField("VmHWM:")
    }

    /// User + system CPU time of the whole process so far, in seconds (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func residentBytes() -> Int? {
        statusField("VmRSS:")
    }

    /// Resets VmHWM to the current RSS (writing 5 to clear_refs, Linux ≥ 4.0), so each size's
    /// peak is its own. Returns false when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    private static func statusField(_ name: String) -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix(name) else { continue }
            let digits = text.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1_024 }
        }
        return nil
    }
}
