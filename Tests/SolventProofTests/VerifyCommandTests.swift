import Foundation
import SolventProof
import Testing

/// `solvent-verify`'s behaviour: arguments, files, the report and the exit codes.
@Suite struct VerifyCommandTests {
    let world = EpochWorld(epoch: 1)
    var keyHex: String { Hex.encode(Array(EpochWorld.signingKey.publicKey.rawRepresentation)) }

    /// The files of one check, by name.
    func files(proof: InclusionProof? = nil, header: SignedEpochHeader? = nil) -> [String: [UInt8]] {
        ["proof.json": Array((proof ?? world.proof()).json.utf8), "header.json": Array((header ?? world.header).json.utf8),
         "previous.json": Array(world.header.json.utf8), "secret.hex": Array((world.secret.hex + "\n").utf8)]
    }

    func arguments(secretInline: Bool = false) -> [String] {
        ["--proof", "proof.json", "--header", "header.json", "--key", keyHex, "--account", "\(world.accountId)"]
            + (secretInline ? ["--secret", world.secret.hex] : ["--secret-file", "secret.hex"])
    }

    func run(_ arguments: [String], _ files: [String: [UInt8]]) -> (code: VerifyCommand.ExitCode, output: String) {
        VerifyCommand.run(arguments, readFile: { files[$0] })
    }

    @Test func validSolventProofExitsZeroAndPrintsBalancesAndRatios() {
        let (code, output) = run(arguments(), files())
        #expect(code == .validAndSolvent)
        #expect(output.contains("VALID: account \(world.accountId) is in epoch 1 of exchange solvent-test"))
        let btc = AmountText.format(world.snapshot.balances(row: 5).first!, scale: 8)
        #expect(output.contains("BTC    \(btc)  "))
        #expect(output.contains("110.00%"))
        #expect(output.contains("verdict: valid and solvent"))
    }

    @Test func previousHeaderIsCheckedWhenGiven() {
        let (code, output) = run(arguments(secretInline: true) + ["--previous", "previous.json"], files())
        #expect(code == .validAndSolvent)
        #expect(output.contains("chain: same header as the previous one"))
    }

    @Test func insolventEpochExitsOne() {
        let short = EpochWorld(epoch: 1, reservePercent: 50)
        let (code, output) = run(arguments(), files(proof: short.proof(), header: short.header))
        #expect(code == .validButInsolvent)
        #expect(output.contains("INSOLVENT"))
    }

    @Test func invalidProofExitsTwoWithTheReason() {
        let (code, output) = run(arguments(), files(proof: world.proof(for: world.otherAccountId)))
        #expect(code == .invalid)
        #expect(output == "INVALID: \(VerificationFailure.leafMismatch(share: 0))\n")
    }

    @Test(arguments: [
        [String](),
        ["--proof", "proof.json"],
        ["--proof", "proof.json", "--header", "header.json", "--key", "00", "--secret", "11", "--account", "-1"],
        ["--bogus", "1"],
    ])
    func badArgumentsExitSixtyFour(arguments: [String]) {
        #expect(run(arguments, files()).code == .usage)
    }

    @Test func unreadableFileOrBadKeyExitsSixtyFour() {
        var missing = files()
        missing["proof.json"] = nil
        #expect(run(arguments(), missing).code == .usage)
        var badKey = arguments()
        badKey[5] = String(repeating: "Z", count: 64)
        #expect(run(badKey, files()).code == .usage)
    }

    /// The built executable, run as a user would: exit codes reach the shell.
    @Test func realExecutableReturnsTheDocumentedExitCodes() throws {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = testBundle.appendingPathComponent("solvent-verify")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build solvent-verify next to the tests")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-verify-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var inputs = files()
        inputs["tampered.json"] = Array(world.proof(for: world.otherAccountId).json.utf8)
        for (name, bytes) in inputs { try Data(bytes).write(to: directory.appendingPathComponent(name)) }
        func exitCode(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = binary
            process.currentDirectoryURL = directory
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try exitCode(arguments()) == 0)
        var tampered = arguments()
        tampered[1] = "tampered.json"
        #expect(try exitCode(tampered) == 2)
        #expect(try exitCode(["--proof"]) == 64)
    }
}
