/// `solvent-verify --reserves FILE --header FILE (--key HEX | --key-file FILE)`: checks an
/// epoch's reserve attestation (PROOF-FORMAT.md §11) and prints, per asset, liabilities
/// (customers' and the exchange's own), reserves and their ratio.
enum ReservesCommand {
    static let usage = """
        usage: solvent-verify --reserves FILE --header FILE (--key HEX | --key-file FILE)
          --reserves  the epoch's reserve attestation (JSON, GET /sapi/v1/solvent/reserves?epoch=N)
          --header    the epoch's signed header (JSON)
          --key       the exchange's Ed25519 public key, 64 hex characters, from a source you trust
        exit: 0 valid, solvent and every reserve verified here; 1 valid but insolvent;
              3 valid and solvent, but some reserves are not verified here (configured figures,
                or signatures to check with the command printed); 2 invalid; 64 usage error
        """

    private static let flags: Set = ["--reserves", "--header", "--key", "--key-file"]

    static func run(_ arguments: [String], readFile: (String) -> [UInt8]?) -> (code: VerifyCommand.ExitCode, output: String) {
        var values: [String: String] = [:]
        var at = 0
        while at < arguments.count {
            let flag = arguments[at]
            guard flags.contains(flag), at + 1 < arguments.count, values[flag] == nil else {
                return usageError("\(flag) is unknown, repeated or has no value")
            }
            values[flag] = arguments[at + 1]
            at += 2
        }
        guard let attestationPath = values["--reserves"], let headerPath = values["--header"] else {
            return usageError("--reserves and --header are required")
        }
        let keySource: VerifyOptions.Source
        switch (values["--key"], values["--key-file"]) {
        case (let hex?, nil): keySource = .hex(hex)
        case (nil, let path?): keySource = .file(path)
        default: return usageError("give one of --key or --key-file")
        }
        guard let attestation = readFile(attestationPath) else { return usageError("cannot read \(attestationPath)") }
        guard let header = readFile(headerPath) else { return usageError("cannot read \(headerPath)") }
        guard let keyHex = VerifyCommand.hexText(keySource, readFile: readFile),
              let verifier = ProofVerifier(publicKeyHex: keyHex) else {
            return usageError("the key must be 64 lowercase hex characters of an Ed25519 public key")
        }
        do {
            let report = try verifier.verifyReserves(attestation: attestation, header: header)
            let code: VerifyCommand.ExitCode = !report.isSolvent ? .validButInsolvent
                : report.isFullyVerified ? .validAndSolvent : .validButUnverified
            return (code, ReserveReportText.render(report))
        } catch {
            return (.invalid, "INVALID: \(error)\n")
        }
    }

    private static func usageError(_ message: String) -> (code: VerifyCommand.ExitCode, output: String) {
        (.usage, "solvent-verify: \(message)\n\(usage)\n")
    }
}
