import Foundation
import SolventCommandLine

/// Load from `wrk` (Debian's package): an event-driven C load generator, so the machine's cores
/// go to the server under test rather than to the client. Each measurement runs
/// `wrk --latency` for the given connections and seconds; requests come from a Lua script that
/// cycles through requests prepared beforehand (for orders: signed, with timestamps well inside
/// their 60 s `recvWindow`), so the client spends nothing on signing while it measures.
struct WrkLoad {
    let executable: String
    let port: Int
    let connections: Int
    let threads: Int
    let seconds: Int

    struct Result {
        var perSecond: Double
        var p50Nanoseconds: UInt64
        var p99Nanoseconds: UInt64
        var failures: Int
    }

    /// `wrk` on the PATH, if installed.
    static func locate() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs wrk against `path` with `requests` (raw "METHOD target" plus headers) in turn.
    func run(requests: [WrkRequest]) throws -> Result {
        let script = NSTemporaryDirectory() + "solvent-wrk-\(UUID()).lua"
        try WrkRequest.luaScript(requests).write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let output = try runWrk(arguments: [
            "--threads", String(threads), "--connections", String(connections), "--duration", "\(seconds)s",
            "--latency", "--script", script, "http://127.0.0.1:\(port)/",
        ])
        return try WrkOutput.parse(output)
    }

    private func runWrk(arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw CommandFailure("wrk failed: \(text)") }
        return text
    }
}

/// One request for the wrk script.
struct WrkRequest {
    var method: String
    var target: String
    var headers: [(String, String)] = []

    /// A Lua script whose `request()` returns the prepared requests one after another.
    static func luaScript(_ requests: [WrkRequest]) -> String {
        var lines = ["local prepared = {}"]
        for request in requests {
            let headers = request.headers.map { "[\(lua($0.0))] = \(lua($0.1))" }.joined(separator: ", ")
            lines.append("prepared[#prepared + 1] = wrk.format(\(lua(request.method)), \(lua(request.target)), {\(headers)})")
        }
        lines += [
            "local next = 0",
            "request = function()",
            "  next = next % #prepared + 1",
            "  return prepared[next]",
            "end",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Lua string literal (the requests hold only URL-safe ASCII and header text).
    private static func lua(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Reads wrk's report: `Requests/sec:`, the `--latency` percentiles and non-2xx answers.
enum WrkOutput {
    static func parse(_ text: String) throws -> WrkLoad.Result {
        var perSecond: Double?
        var percentiles: [String: UInt64] = [:]
        var failures = 0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first == "Requests/sec:", fields.count == 2 { perSecond = Double(fields[1]) }
            if first.hasSuffix("%"), fields.count == 2, let value = duration(fields[1]) { percentiles[String(first)] = value }
            if line.contains("Non-2xx or 3xx responses:"), let count = fields.last.flatMap({ Int($0) }) { failures += count }
            if first == "Socket", line.contains("errors:") { failures += socketErrors(String(line)) }
        }
        guard let perSecond, let p50 = percentiles["50%"], let p99 = percentiles["99%"] else {
            throw CommandFailure("could not read wrk's output:\n\(text)")
        }
        return WrkLoad.Result(perSecond: perSecond, p50Nanoseconds: p50, p99Nanoseconds: p99, failures: failures)
    }

    /// "1.23ms", "870.00us", "1.01s" in nanoseconds.
    static func duration(_ text: Substring) -> UInt64? {
        for (unit, scale) in [("us", 1e3), ("ms", 1e6), ("s", 1e9)] where text.hasSuffix(unit) {
            guard let value = Double(text.dropLast(unit.count)) else { return nil }
            return UInt64(value * scale)
        }
        return nil
    }

    /// "Socket errors: connect 0, read 0, write 0, timeout 0" summed.
    private static func socketErrors(_ line: String) -> Int {
        line.split(whereSeparator: { $0 == "," || $0 == ":" }).compactMap { part in
            part.split(separator: " ").last.flatMap { Int($0) }
        }.reduce(0, +)
    }
}
