import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SolventServer

/// Where `solvent epoch` sends its request: the running server's admin endpoint (loopback,
/// admin token from the data directory), or, when no server answers, the data directory
/// opened directly.
struct ProofTarget: ParsableArguments {
    @Option(help: "The server's data directory (holds admin.token and server.url).")
    var data: String

    @Option(help: "The server's URL (default: read from <data>/server.url).")
    var url: String?

    /// Sends the request, prints the JSON answer; a non-200 answer exits 1.
    func send(_ method: String, _ path: String, _ parameters: [(String, String)]) async throws {
        let query = parameters.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $1)" }
            .joined(separator: "&")
        let (status, body) = try await perform(method, path, query)
        print(body)
        if status != 200 { throw ExitCode.failure }
    }

    private func perform(_ method: String, _ path: String, _ query: String) async throws -> (Int, String) {
        if let base = url ?? serverURL(), let answer = try? await http(base, method, path, query) { return answer }
        var configuration = ServerConfiguration(dataDirectory: data)
        configuration.applyEnvironment()
        do {
            return try await OfflineProof.run(configuration, method: method, path: path, query: query)
        } catch {
            StandardStreams.fail("solvent epoch: no server answered and \(data) cannot be opened: \(error)")
        }
    }

    private func serverURL() -> String? {
        (try? String(contentsOfFile: data + "/server.url", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func http(_ base: String, _ method: String, _ path: String, _ query: String) async throws -> (Int, String) {
        let token = try String(contentsOfFile: data + "/admin.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: base + path + (query.isEmpty ? "" : "?" + query)) else {
            throw CommandFailure("bad server URL \(base)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(token, forHTTPHeaderField: "X-Solvent-Admin-Token")
        let (body, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body, as: UTF8.self))
    }
}
