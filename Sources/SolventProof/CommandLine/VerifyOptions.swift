/// The arguments of `solvent-verify`, parsed without any library so the verifier stays small.
///
///     solvent-verify --proof FILE --header FILE (--key HEX | --key-file FILE)
///                    (--secret HEX | --secret-file FILE) --account ID [--previous FILE]
public struct VerifyOptions: Hashable, Sendable {
    public var proofPath: String
    public var headerPath: String
    public var key: Source
    public var secret: Source
    public var accountId: UInt64
    public var previousHeaderPath: String?

    /// A value given inline (hex) or in a file holding the hex.
    public enum Source: Hashable, Sendable {
        case hex(String)
        case file(String)
    }

    public static let usage = """
        usage: solvent-verify --proof FILE --header FILE (--key HEX | --key-file FILE)
                              (--secret HEX | --secret-file FILE) --account ID [--previous FILE]
          --proof     your proof for the epoch (JSON, as served by the exchange)
          --header    the epoch's signed header (JSON)
          --key       the exchange's Ed25519 public key, 64 hex characters, from a source you trust
          --secret    your secret for this epoch, 64 hex characters (prefer --secret-file: arguments are visible to other users)
          --account   your account id
          --previous  the last header you verified, to detect a rollback or a fork
        exit: 0 valid and solvent, 1 valid but insolvent, 2 invalid, 64 usage error
        reserves: solvent-verify --reserves FILE --header FILE (--key HEX | --key-file FILE)
        """

    /// The options in `arguments` (without the program name), or what is wrong with them.
    public static func parse(_ arguments: [String]) -> Result<VerifyOptions, UsageError> {
        var values: [String: String] = [:]
        var at = 0
        while at < arguments.count {
            let flag = arguments[at]
            guard flags.contains(flag) else { return .failure(UsageError("unknown argument \(flag)")) }
            guard at + 1 < arguments.count else { return .failure(UsageError("\(flag) needs a value")) }
            guard values[flag] == nil else { return .failure(UsageError("\(flag) given twice")) }
            values[flag] = arguments[at + 1]
            at += 2
        }
        guard let proof = values["--proof"], let header = values["--header"] else {
            return .failure(UsageError("--proof and --header are required"))
        }
        guard let key = source(values, "--key") else { return .failure(UsageError("give one of --key or --key-file")) }
        guard let secret = source(values, "--secret") else {
            return .failure(UsageError("give one of --secret or --secret-file"))
        }
        guard let accountText = values["--account"] else { return .failure(UsageError("--account is required")) }
        guard case .success(let account) = AmountText.parse(Array(accountText.utf8), scale: 0, limit: UInt128(UInt64.max))
        else { return .failure(UsageError("--account must be a decimal account id")) }
        return .success(VerifyOptions(proofPath: proof, headerPath: header, key: key, secret: secret,
                                      accountId: UInt64(account), previousHeaderPath: values["--previous"]))
    }

    private static let flags: Set = ["--proof", "--header", "--key", "--key-file", "--secret", "--secret-file",
                                     "--account", "--previous"]

    /// Exactly one of `--name HEX` and `--name-file FILE`.
    private static func source(_ values: [String: String], _ name: String) -> Source? {
        switch (values[name], values[name + "-file"]) {
        case (let hex?, nil): .hex(hex)
        case (nil, let path?): .file(path)
        default: nil
        }
    }
}

/// What is wrong with the command line (exit code 64).
public struct UsageError: Error, Hashable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
