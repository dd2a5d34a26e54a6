import ArgumentParser
import SolventAudit

/// `solvent audit`: checks a published epoch against the journal by replaying it with the
/// project's own engine. Offline on a data directory (everything, the tree root included), or
/// against a live exchange's public API with its pinned key (no secret needed).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Replay the journal an epoch names and check its journal root, liabilities and tree.",
        discussion: "Exit status 0 when the epoch passes, 2 with the reason when it does not.")

    @Option(help: "The exchange's data directory (offline audit).") var data: String?
    @Option(help: "With --data: the master key's file, if not beside the directory (<data>.master.key).")
    var masterKey: String?
    @Option(help: "The exchange's base URL, e.g. http://127.0.0.1:8080 (audit over the public API).") var url: String?
    @Option(help: "With --url: the exchange's Ed25519 public key, 64 hex characters, from a source you trust.")
    var key: String?
    @Option(help: "With --url, when the exchange's journal records are not public: its admin token file.")
    var adminTokenFile: String?
    @Option(help: "With --admin-token-file: the admin listener's URL, where private records are read (<data>/admin.url).")
    var adminURL: String?
    @Option(help: "The epoch number.") var epoch: UInt64

    func validate() throws {
        guard (data == nil) != (url == nil) else { throw ValidationError("give either --data or --url") }
        guard url == nil || key != nil else { throw ValidationError("--url needs --key") }
        guard (adminTokenFile == nil) == (adminURL == nil) else {
            throw ValidationError("--admin-token-file and --admin-url go together")
        }
    }

    func run() async throws {
        do throws(AuditFailure) {
            let report = if let data {
                try EpochAudit.offline(dataDirectory: data, epoch: epoch, masterKeyPath: masterKey)
            } else {
                try await RemoteAudit.run(baseURL: url!, publicKeyHex: key!, epoch: epoch, operatorAccess: operatorAccess())
            }
            print("PASSED\n" + report.text)
        } catch {
            print("FAILED: \(error)")
            throw ExitCode(2)
        }
    }

    private func operatorAccess() -> RemoteAudit.OperatorAccess? {
        guard let adminURL, let token = adminTokenFile.flatMap({ try? String(contentsOfFile: $0, encoding: .utf8) }) else {
            return nil
        }
        return RemoteAudit.OperatorAccess(adminURL: adminURL, token: token.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
