import ArgumentParser
import Foundation
import SolventServer

/// `solvent-bench request`: the CPU time of each stage of a signed `POST /api/v3/order` on the
/// request's event loop (parse, authenticate, order parameters, reply, response headers), the
/// server's own functions on prepared inputs, against a bare HMAC-SHA256 of the same payload
/// measured in the same run. Build with `-c release`.
struct RequestBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Measure the CPU time of each stage of a signed order request on the event loop.",
        discussion: """
            Each stage runs --iterations times per run on this thread; the runs alternate between \
            stages so that machine noise hits them alike, and the median over --runs of the thread \
            CPU time per call is reported, with its ratio to the baseline. The engine, NIO and \
            Hummingbird are not included: the engine's events are made once, and requests are \
            built once as Hummingbird hands them over.
            """)

    @Option(help: "Calls of each stage per run.") var iterations = 20_000
    @Option(help: "Runs per stage (medians reported).") var runs = 9
    @Option(help: "Only the stages whose name contains this text (and the baseline), e.g. for perf.") var only: String?

    func validate() throws {
        guard (100...10_000_000).contains(iterations) else { throw ValidationError("--iterations must be 100...10,000,000") }
        guard (1...99).contains(runs) else { throw ValidationError("--runs must be 1...99") }
    }

    func run() throws {
        let all = RequestPathBench.stages()
        let stages = [all[0]] + all.dropFirst().filter { only.map($0.name.contains) ?? true }
        var samples = Array(repeating: [Double](), count: stages.count)
        var sink = 0
        for _ in 0..<runs {
            for (index, stage) in stages.enumerated() {
                let started = ThreadCPUClock.nanoseconds()
                for _ in 0..<iterations { sink &+= stage.run() }
                samples[index].append(Double(ThreadCPUClock.nanoseconds() - started) / Double(iterations))
            }
        }
        print(report(stages, medians: samples.map(median), sink: sink))
    }

    private func report(_ stages: [RequestPathBench.Stage], medians: [Double], sink: Int) -> String {
        let baseline = medians[0]
        var lines = ["solvent-bench request — thread CPU per call, median of \(runs) runs × \(iterations) calls (checksum \(sink & 0xFFFF))"]
        for (stage, nanoseconds) in zip(stages, medians) {
            lines.append(String(format: "%@ %8.2f µs  %6.2f× baseline", stage.name.padding(toLength: 40, withPad: " ", startingAt: 0),
                                nanoseconds / 1_000, nanoseconds / baseline))
        }
        return lines.joined(separator: "\n")
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
