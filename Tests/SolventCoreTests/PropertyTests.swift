#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SolventCore
import SolventTestSupport

/// The book the engine runs on in production, checked against `ReferenceBook`.
typealias CandidateBook = FastBook
/// The book the state tests encode and restore.
typealias FastBookUnderTest = CandidateBook

/// Model-based testing: random command streams drive the engine on the production book and on the
/// obviously-right reference book; both must produce identical events, balances and state hashes,
/// every invariant must hold after every command, and every event must make sense on its own.
///
/// CI runs `commandsTotal` commands split over many seeds. A failure names its seed; replay it with
/// `SOLVENT_PROPERTY_SEED=<seed>`. Run longer with `SOLVENT_PROPERTY_COMMANDS=<total>`.
@Suite("Property: engine on the fast book vs the reference book")
struct PropertyTests {
    static let commandsPerSeed = 5_000
    static let commandsTotal = environmentInt("SOLVENT_PROPERTY_COMMANDS") ?? 200_000

    static var seeds: [UInt64] {
        if let seed = environmentInt("SOLVENT_PROPERTY_SEED") { return [UInt64(seed)] }
        return (1...UInt64(max(1, commandsTotal / commandsPerSeed))).map { $0 &* 0x9E37_79B9 }
    }

    @Test(arguments: seeds)
    func randomStreamsAgree(seed: UInt64) {
        var run = DifferentialRun(seed: seed)
        if let failure = run.execute(commands: Self.commandsPerSeed) {
            Issue.record("seed \(seed): \(failure)")
        }
    }
}

/// One seed's run of both engines side by side.
struct DifferentialRun {
    var reference = Engine<ReferenceBook>()
    var candidate = Engine<CandidateBook>()
    var generator: CommandGenerator
    var oracle = EventOracle()
    var time: Timestamp = 1_700_000_000_000

    init(seed: UInt64) { generator = CommandGenerator(seed: seed) }

    /// Runs setup then `commands` random commands; the first disagreement, described, or `nil`.
    mutating func execute(commands: Int) -> String? {
        for command in TestMarkets.setupCommands + generator.fundingCommands {
            if let failure = step(command, index: -1) { return failure }
        }
        for index in 0..<commands {
            if let failure = step(generator.next(), index: index) { return failure }
        }
        return nil
    }

    private mutating func step(_ command: Command, index: Int) -> String? {
        time += Int64(1 + index % 7) * 1_000  // seconds apart, so average-price windows roll over
        let expected = reference.apply(command, at: time)
        let actual = candidate.apply(command, at: time)
        generator.observe(expected)
        let context = "command #\(index) \(command)"
        if expected != actual { return "\(context): events differ\nreference: \(expected)\ncandidate: \(actual)" }
        let problems = reference.invariantViolations() + candidate.invariantViolations()
            + oracle.problems(in: expected, for: command)
        if !problems.isEmpty { return "\(context): \(problems)\nevents: \(expected)" }
        if index % 250 == 0, let failure = compareStates(context) { return failure }
        return nil
    }

    /// Equal hashes on both books; and the candidate goes on from its own snapshot, so every later
    /// command also proves that a restored engine behaves exactly like the one it was taken from.
    private mutating func compareStates(_ context: String) -> String? {
        let snapshot = candidate.encodedState()
        guard reference.stateHash() == SHA256.hash(snapshot) else { return "\(context): state hashes differ" }
        do {
            candidate = try Engine<CandidateBook>(encodedState: snapshot)
        } catch {
            return "\(context): snapshot does not decode: \(error)"
        }
        return candidate.encodedState() == snapshot ? nil : "\(context): snapshot does not round-trip"
    }
}

func environmentInt(_ name: String) -> Int? {
    guard let raw = getenv(name) else { return nil }
    return Int(String(cString: raw))
}
