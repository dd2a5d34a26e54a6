/// `solvent-verify`'s whole behaviour as a function of its arguments and a file reader, so tests
/// run it without a process and the executable is a few lines of I/O.
public enum VerifyCommand {
    public enum ExitCode: Int32, Sendable {
        case validAndSolvent = 0
        case validButInsolvent = 1
        case invalid = 2
        /// `--reserves`: valid and solvent, but some reserves could not be verified here.
        case validButUnverified = 3
        case usage = 64
    }

    /// Runs the verifier; `readFile` returns a file's bytes or nil when it cannot be read.
    public static func run(_ arguments: [String], readFile: (String) -> [UInt8]?) -> (code: ExitCode, output: String) {
        if arguments.contains("--reserves") { return ReservesCommand.run(arguments, readFile: readFile) }
        let options: VerifyOptions
        switch VerifyOptions.parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error): return (.usage, "solvent-verify: \(error.message)\n\(VerifyOptions.usage)\n")
        }
        let inputs: Inputs
        switch Inputs.read(options, readFile: readFile) {
        case .success(let read): inputs = read
        case .failure(let error): return (.usage, "solvent-verify: \(error.message)\n")
        }
        do {
            let report = try inputs.verifier.verify(proof: inputs.proof, header: inputs.header,
                                                    accountId: options.accountId, secret: inputs.secret,
                                                    previousHeader: inputs.previousHeader)
            return (report.isSolvent ? .validAndSolvent : .validButInsolvent, ReportText.render(report))
        } catch {
            return (.invalid, "INVALID: \(error)\n")
        }
    }

    /// The files and keys the options name, read and decoded.
    private struct Inputs {
        let proof: [UInt8]
        let header: [UInt8]
        let previousHeader: [UInt8]?
        let verifier: ProofVerifier
        let secret: UserSecret

        static func read(_ options: VerifyOptions, readFile: (String) -> [UInt8]?) -> Result<Inputs, UsageError> {
            guard let proof = readFile(options.proofPath) else { return .failure(UsageError("cannot read \(options.proofPath)")) }
            guard let header = readFile(options.headerPath) else { return .failure(UsageError("cannot read \(options.headerPath)")) }
            var previous: [UInt8]? = nil
            if let path = options.previousHeaderPath {
                guard let bytes = readFile(path) else { return .failure(UsageError("cannot read \(path)")) }
                previous = bytes
            }
            guard let keyHex = VerifyCommand.hexText(options.key, readFile: readFile),
                  let verifier = ProofVerifier(publicKeyHex: keyHex) else {
                return .failure(UsageError("the key must be 64 lowercase hex characters of an Ed25519 public key"))
            }
            guard let secretHex = VerifyCommand.hexText(options.secret, readFile: readFile), let secret = UserSecret(hex: secretHex) else {
                return .failure(UsageError("the secret must be 64 lowercase hex characters"))
            }
            return .success(Inputs(proof: proof, header: header, previousHeader: previous, verifier: verifier, secret: secret))
        }
    }

    /// The hex text of a source; a file's trailing newline or spaces are dropped.
    static func hexText(_ source: VerifyOptions.Source, readFile: (String) -> [UInt8]?) -> String? {
        switch source {
        case .hex(let text):
            return text
        case .file(let path):
            guard var bytes = readFile(path) else { return nil }
            while let last = bytes.last, [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " ")].contains(last) {
                bytes.removeLast()
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
