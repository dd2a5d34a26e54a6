import Foundation

/// CPU time of this process's threads, by thread name (`/proc/self/task/*/comm` and `stat`), so
/// the benchmark can say where a request's CPU goes: the event loops, the sequencer, the
/// committer, the history projection... The exchange names its threads (`NamedThread`); NIO's
/// event loops are grouped as one.
enum ThreadCPU {
    typealias Sample = [String: UInt64]

    static let eventLoops = "event loops"

    /// Nanoseconds of user + system time per thread name so far (Linux; empty elsewhere).
    static func sample() -> Sample {
        let ticks = UInt64(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        var sample: Sample = [:]
        for task in tasks {
            guard let name = read("/proc/self/task/\(task)/comm"), let stat = read("/proc/self/task/\(task)/stat"),
                  let time = cpuTicks(stat) else { continue }
            sample[group(name), default: 0] += time * 1_000_000_000 / ticks
        }
        return sample
    }

    /// Per-name difference `after - before` (threads that started meanwhile count from zero).
    static func difference(_ after: Sample, _ before: Sample) -> Sample {
        after.reduce(into: Sample()) { result, entry in
            let spent = entry.value - min(before[entry.key] ?? 0, entry.value)
            if spent > 0 { result[entry.key] = spent }
        }
    }

    private static func group(_ name: String) -> String {
        name.hasPrefix("NIO-") ? eventLoops : name
    }

    private static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// utime + stime: the 14th and 15th fields, counted after the parenthesised name (which may
    /// hold spaces).
    private static func cpuTicks(_ stat: String) -> UInt64? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return user + system
    }
}
