import Foundation
import SolventCommandLine

/// Closed-loop load: `connections` threads, each on its own keep-alive connection, send one
/// request after another for `seconds` (or until their requests run out); every answer's
/// latency is kept.
struct LoadRun {
    let port: Int
    let connections: Int
    let seconds: Double

    struct Result {
        var requests = 0
        var failures = 0
        var latencies: [UInt32] = []
        var elapsedNanoseconds: UInt64 = 1
        /// Connections whose requests ran out before the time did.
        var exhausted = 0
        /// The body of the first answer that was not 200, to say why requests failed.
        var firstRefusal: String?

        var perSecond: Double { Double(requests) / (Double(elapsedNanoseconds) / 1e9) }
    }

    /// `makeRequest(connection, n)` builds the n-th request of a connection; nil ends it.
    func run(_ makeRequest: @escaping @Sendable (Int, Int) -> [UInt8]?) throws -> Result {
        let results = ResultsBox(count: connections)
        let done = DispatchGroup()
        let started = MonotonicClock.nanoseconds()
        let deadline = started + UInt64(seconds * 1e9)
        for connection in 0..<connections {
            let client = try KeepAliveClient(port: port)
            done.enter()
            let thread = Thread {
                var result = Result()
                result.latencies.reserveCapacity(200_000)
                var n = 0
                while MonotonicClock.nanoseconds() < deadline {
                    guard let request = makeRequest(connection, n) else {
                        result.exhausted = 1
                        break
                    }
                    let sent = MonotonicClock.nanoseconds()
                    guard let (status, body) = try? client.exchangeWithBody(request) else { result.failures += 1; break }
                    result.latencies.append(UInt32(clamping: MonotonicClock.nanoseconds() &- sent))
                    if status == 200 { result.requests += 1 } else { result.failures += 1 }
                    if status != 200 && result.firstRefusal == nil { result.firstRefusal = String(decoding: body, as: UTF8.self) }
                    n += 1
                }
                results.store(result, at: connection)
                done.leave()
            }
            thread.start()
        }
        done.wait()
        var total = Result()
        for result in results.all {
            total.requests += result.requests
            total.failures += result.failures
            total.exhausted += result.exhausted
            total.firstRefusal = total.firstRefusal ?? result.firstRefusal
            total.latencies += result.latencies
        }
        total.elapsedNanoseconds = MonotonicClock.nanoseconds() &- started
        return total
    }
}

/// Per-connection results, written by each connection's thread once.
private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [LoadRun.Result]

    init(count: Int) {
        results = Array(repeating: LoadRun.Result(), count: count)
    }

    func store(_ result: LoadRun.Result, at index: Int) {
        lock.withLock { results[index] = result }
    }

    var all: [LoadRun.Result] { lock.withLock { results } }
}
