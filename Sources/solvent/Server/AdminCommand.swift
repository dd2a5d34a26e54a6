import ArgumentParser
import Foundation
import SolventCommandLine
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SolventAudit
import SolventServer

/// `solvent admin`: the operator's commands. They go to the running server through its admin
/// listener (its URL and the admin token read from the data directory); when no server
/// answers, they open the data directory directly.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Accounts, API keys, deposits, balances and markets.",
        subcommands: [CreateAccount.self, CreateKey.self, ListKeys.self, RevokeKey.self, EnableKey.self, Deposit.self,
                      Balances.self, Custody.self, Withdrawals.self, Freeze.self, Unfreeze.self, AllowListOnly.self,
                      SetJurisdiction.self, SetRuling.self, Rulings.self, Surveillance.self,
                      AddAsset.self, AddMarket.self, Halt.self, Resume.self])
}

/// Where the admin commands (and `solvent epoch`) send their request: the running server's admin
/// listener (`<data>/admin.url`, admin token from the data directory), or, when no server
/// answers, the data directory opened directly.
struct AdminTarget: ParsableArguments {
    @Option(help: "The server's data directory (holds admin.token and admin.url).")
    var data: String

    @Option(help: "The admin listener's URL (default: read from <data>/admin.url).")
    var url: String?

    /// Sends the request and prints the JSON answer; a non-200 answer exits 1.
    func send(_ method: String, _ path: String, _ parameters: [(String, String?)]) async throws {
        let query = parameters.compactMap { name, value in value.map { "\(name)=\(AdminTarget.encode($0))" } }
            .joined(separator: "&")
        let (status, body) = try await perform(method, path, query)
        print(body)
        if status != 200 { throw ExitCode.failure }
    }

    private func perform(_ method: String, _ path: String, _ query: String) async throws -> (Int, String) {
        if let base = url ?? adminURL(), let answer = try? await http(base, method, path, query) { return answer }
        var configuration = ServerConfiguration(dataDirectory: data)
        configuration.applyEnvironment()
        do {
            return try await OfflineAdmin.run(configuration, method: method, path: path, query: query)
        } catch {
            StandardStreams.fail("solvent: no server answered and \(data) cannot be opened: \(error)")
        }
    }

    private func adminURL() -> String? {
        (try? String(contentsOfFile: DataDirectory(data).adminURL, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func http(_ base: String, _ method: String, _ path: String, _ query: String) async throws -> (Int, String) {
        let token = (try String(contentsOfFile: DataDirectory(data).adminToken, encoding: .utf8))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: base + path + (query.isEmpty ? "" : "?" + query)) else {
            throw CommandFailure("bad server URL \(base)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(token, forHTTPHeaderField: "X-Solvent-Admin-Token")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
