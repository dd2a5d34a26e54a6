import ArgumentParser
import SolventProof

/// `solvent-bench proof`: how long one epoch's liabilities tree takes to build, how much memory
/// it peaks at, how big a proof is and how long verifying one takes. Build with -c release.
struct ProofBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Measure the proof-of-liabilities tree: build time, peak memory, proof size, verify time.",
        discussion: """
            For each size (ACCOUNTSxASSETS) generates a seeded snapshot (untimed), builds the tree \
            --runs times (median reported), reads the peak resident memory (VmHWM, reset before \
            each size), then times proof generation and verification over --proofs random \
            accounts (medians). The baseline is the bare SHA-256 work of the same tree: one \
            leaf-sized and one node-sized hash per account on one thread, no HMACs.
            """)

    @Option(help: "Sizes as ACCOUNTSxASSETS, comma separated.")
    var sizes: String = "1000000x8,10000000x4"

    @Option(help: "Tree height (2^height leaf slots; must hold every account).")
    var height: Int = 24

    @Option(help: "Timed builds per size; the median is reported.")
    var runs: Int = 3

    @Option(help: "Builder threads.")
    var threads: Int = 2

    @Option(help: "Proofs generated and verified per size.")
    var proofs: Int = 2_000

    @Option(help: "Seed of the generated balances.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (try? ProofBenchSize.parseList(sizes)) != nil else {
            throw ValidationError("--sizes is a comma-separated list like 1000000x8,10000000x4")
        }
        guard runs >= 1, proofs >= 1, threads >= 1 else { throw ValidationError("--runs, --proofs, --threads ≥ 1") }
        guard (1...ProofFormat.heightMax).contains(height) else { throw ValidationError("--height is 1…48") }
    }

    func run() throws {
        let sizes = try ProofBenchSize.parseList(self.sizes)
        print("bench-proof: height \(height), \(threads) thread(s), \(runs) build run(s), \(proofs) proofs, seed \(seed)")
        for size in sizes {
            guard UInt64(size.accounts) <= UInt64(1) << UInt64(height) else {
                throw ValidationError("\(size) does not fit in 2^\(height) leaves; raise --height")
            }
            let runner = ProofBenchRunner(size: size, height: height, runs: runs, threads: threads,
                                          proofCount: proofs, seed: seed)
            print(try runner.run().text)
        }
    }
}

/// One benchmark size: accounts × assets.
struct ProofBenchSize: CustomStringConvertible {
    let accounts: Int
    let assets: Int

    var description: String { "\(accounts) × \(assets)" }

    static func parseList(_ text: String) throws -> [ProofBenchSize] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "x")
            guard parts.count == 2, let accounts = Int(parts[0]), let assets = Int(parts[1]),
                  accounts >= 1, (1...ProofFormat.assetCountMax).contains(assets) else {
                throw ValidationError("bad size \(item)")
            }
            return ProofBenchSize(accounts: accounts, assets: assets)
        }
    }
}
