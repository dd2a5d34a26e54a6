import Glibc

/// The benchmark's two measurements with one load generator: wrk, or the built-in threads.
struct HTTPLoad: CustomStringConvertible {
    let generator: HTTPBenchCommand.Generator
    let connections: Int
    let wrkThreads: Int
    let seconds: Int

    struct Result {
        var perSecond: Double
        var p50: UInt32
        var p99: UInt32
        var failures: Int
        /// CPU time this process (both servers; with `.threads` the client too) spent per request.
        var cpuPerRequest: UInt32 = 0
        /// The same, by thread name (nanoseconds per request).
        var cpuPerRequestByThread: [String: Double] = [:]
        /// wrk's own CPU time per request.
        var generatorCPUPerRequest: UInt32 = 0
        /// Built-in client connections that ran out of requests before the time did.
        var exhausted = 0

        /// The run with the median rate.
        static func median(_ results: [Result]) -> Result {
            results.sorted { $0.perSecond < $1.perSecond }[results.count / 2]
        }
    }

    var description: String {
        switch generator {
        case .wrk: "wrk, \(wrkThreads) thread(s), \(connections) keep-alive connections"
        case .threads: "built-in client, \(connections) blocking keep-alive connections"
        }
    }

    func ping(port: Int) throws -> Result {
        switch generator {
        case .wrk:
            return try wrk(port: port, requests: [WrkRequest(method: "GET", target: "/ping")])
        case .threads:
            let request = Array("GET /ping HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)
            return try threads(port: port) { _, _ in request }
        }
    }

    /// Requests to `endpoint`, prepared (signed) before the clock starts where they repeat.
    func requests(port: Int, endpoint: BenchEndpoint, traders: [BenchTrader], run: Int, restingPerConnection: Int)
        throws -> Result {
        switch generator {
        case .wrk:
            return try wrk(port: port, requests: endpoint.wrkRequests(traders))
        case .threads:
            let source = try endpoint.source(port: port, traders: traders, run: run,
                                             restingPerConnection: restingPerConnection)
            let result = try threads(port: port, request: source)
            try endpoint.clear(port: port, traders: traders)
            return result
        }
    }

    private func wrk(port: Int, requests: [WrkRequest]) throws -> Result {
        let load = WrkLoad(executable: WrkLoad.locate() ?? "wrk", port: port, connections: connections,
                           threads: wrkThreads, seconds: seconds)
        let (cpuBefore, threadsBefore, wrkBefore) = (Self.processCPUNanoseconds(), ThreadCPU.sample(), Self.childrenCPUNanoseconds())
        let result = try load.run(requests: requests)
        let cpu = Self.processCPUNanoseconds() - cpuBefore
        let threads = ThreadCPU.difference(ThreadCPU.sample(), threadsBefore)
        let requests = max(result.perSecond * Double(seconds), 1)
        return Result(perSecond: result.perSecond, p50: UInt32(clamping: result.p50Nanoseconds),
                      p99: UInt32(clamping: result.p99Nanoseconds), failures: result.failures,
                      cpuPerRequest: UInt32(clamping: UInt64(Double(cpu) / requests)),
                      cpuPerRequestByThread: threads.mapValues { Double($0) / requests },
                      generatorCPUPerRequest: UInt32(clamping: UInt64(Double(Self.childrenCPUNanoseconds() - wrkBefore) / requests)))
    }

    /// User + system CPU time of this process's waited-for children (wrk) so far.
    static func childrenCPUNanoseconds() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }

    private static func nanoseconds(_ time: timeval) -> UInt64 {
        UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_usec) * 1_000
    }

    /// User + system CPU time of this process so far.
    static func processCPUNanoseconds() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }

    private func threads(port: Int, request: @escaping @Sendable (Int, Int) -> [UInt8]?) throws -> Result {
        let result = try LoadRun(port: port, connections: connections, seconds: Double(seconds)).run(request)
        let latency = LatencyHistogram(result.latencies.isEmpty ? [0] : result.latencies)
        return Result(perSecond: result.perSecond, p50: latency.percentile(0.5), p99: latency.percentile(0.99),
                      failures: result.failures, exhausted: result.exhausted)
    }
}
