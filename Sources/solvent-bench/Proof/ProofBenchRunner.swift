import Crypto
import SolventCommandLine
import SolventProof

/// Runs the benchmark for one size: generate, build (timed), prove and verify (timed).
struct ProofBenchRunner {
    let size: ProofBenchSize
    let height: Int
    let runs: Int
    let threads: Int
    let proofCount: Int
    let seed: UInt64

    func run() throws -> ProofBenchResult {
        ProcessMemory.resetPeak()
        let snapshot = makeSnapshot()
        let snapshotResident = ProcessMemory.residentBytes()
        let secrets = TreeSecrets(master: Hash256(bytes: (0..<32).map { UInt8($0) })!)
        var buildSeconds: [Double] = []
        var buildCPUSeconds: [Double] = []
        var tree: LiabilityTree? = nil
        for _ in 0..<runs {
            tree = nil  // only one tree alive at a time, so the peak is one build's
            let start = MonotonicClock.nanoseconds()
            let cpuStart = ProcessMemory.cpuSeconds()
            tree = try LiabilityTree.build(snapshot, epoch: 1, height: height, secrets: secrets, threads: threads)
            buildSeconds.append(Double(MonotonicClock.nanoseconds() - start) / 1e9)
            buildCPUSeconds.append(ProcessMemory.cpuSeconds() - cpuStart)
        }
        let peak = ProcessMemory.peakResidentBytes()
        let timings = try measureProofs(tree!, secrets: secrets)
        let baseline = hashFloorSeconds()
        return ProofBenchResult(size: size, height: height, threads: threads, buildSeconds: buildSeconds,
                                buildCPUSeconds: buildCPUSeconds, baselineSeconds: baseline, peakBytes: peak, snapshotBytes: snapshotResident,
                                proofs: timings)
    }

    /// Dense ids 0 ..< n, as the ledger has them; each balance is zero half the time, else below 2^40.
    private func makeSnapshot() -> LiabilitySnapshot {
        let assets = (0..<size.assets).map { ProofAsset(symbol: "A\($0)", scale: 8)! }
        var snapshot = LiabilitySnapshot(assets: assets, reservingCapacity: size.accounts)
        var random = SeededRandom(seed: seed)
        var row = [UInt64](repeating: 0, count: size.assets)
        for account in 0..<size.accounts {
            for asset in row.indices {
                let draw = random.next()
                row[asset] = draw & 1 == 0 ? 0 : draw >> 24
            }
            snapshot.append(accountId: UInt64(account), balances: row)
        }
        return snapshot
    }

    /// Proof generation, full verification (parse + signature + path) and inclusion only
    /// (parse + path, header already checked) over random accounts.
    private func measureProofs(_ tree: LiabilityTree, secrets: TreeSecrets) throws -> ProofTimings {
        let key = Curve25519.Signing.PrivateKey()
        let unsigned = EpochHeader(tree: tree, exchangeId: "bench", previousHeaderHash: .zero, snapshotTimeMs: 0,
                                   journalSize: 0, journalRoot: .zero, reserves: tree.rootSums)
        let signed = try unsigned.sign(with: key)
        let headerText = Array(signed.json.utf8)
        let verifier = ProofVerifier(publicKey: key.publicKey)
        var random = SeededRandom(seed: seed, stream: 7)
        var timings = ProofTimings()
        for _ in 0..<proofCount {
            let account = UInt64(random.below(size.accounts))
            let secret = secrets.userSecret(accountId: account, epoch: 1)
            let start = MonotonicClock.nanoseconds()
            let proofText = Array(try tree.proof(for: account, header: signed.header).json.utf8)
            let proved = MonotonicClock.nanoseconds()
            let report = try verifier.verify(proof: proofText, header: headerText, accountId: account, secret: secret)
            let verified = MonotonicClock.nanoseconds()
            let proof = try InclusionProof(json: proofText)
            try ProofVerifier.checkInclusion(proof, in: signed.header, accountId: account, secret: secret)
            let included = MonotonicClock.nanoseconds()
            precondition(report.accountId == account, "the report names the account verified")
            timings.record(proofBytes: proofText.count, proveNs: proved - start, verifyNs: verified - proved,
                           inclusionNs: included - verified)
        }
        return timings
    }

    /// The SHA-256 work of the tree alone: one leaf-sized and one node-sized hash per account.
    private func hashFloorSeconds() -> Double {
        let leafInput = [UInt8](repeating: 1, count: 1 + 19 + 8 + 8 + 32 + 8 * size.assets)
        let nodeInput = [UInt8](repeating: 2, count: 2 + 2 * (32 + 16 * size.assets))
        var fold: UInt8 = 0
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<size.accounts {
            for input in [leafInput, nodeInput] {
                var hasher = Crypto.SHA256()
                input.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                fold ^= hasher.finalize().withUnsafeBytes { $0[0] }
            }
        }
        let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
        precondition(fold != 0 || seconds >= 0, "keeps the hashes from being optimized away")
        return seconds
    }
}
