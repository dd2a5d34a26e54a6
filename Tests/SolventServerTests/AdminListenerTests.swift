import Foundation
import SolventWire
import Testing
@testable import SolventServer

/// The operator's surface lives on its own listener: a reverse proxy that forwards the public
/// port, making every caller 127.0.0.1, can reach neither the admin endpoints nor `/metrics`.
@Suite struct AdminListenerTests {
    /// Every `/admin/v1` path, whatever its method, as the catalog declares them.
    static let adminRoutes = EndpointCatalog.all.filter { $0.path.hasPrefix("/admin/v1/") }

    @Test func thePublicPortAnswersTheAdminPathsAndMetricsWithBinancesNotFound() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        #expect(Self.adminRoutes.count >= 15)
        let token = ["X-Solvent-Admin-Token": try server.adminToken()]
        let first = try #require(try await server.admin("POST", "/admin/v1/account", [:]).json as? [String: Int])["account"]!
        for route in Self.adminRoutes + [.metrics, .journalRecords] {
            // The right token changes nothing: the path does not exist here.
            let answer = try await server.send(route.method, route.path, headers: token)
            #expect(answer.status == 404 && answer.code == -1000, "\(route.method) \(route.path): \(answer.status) \(answer.text)")
            #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect((answer.json as? [String: Any])?["msg"] is String)
        }
        // Nothing was done: no account was opened through the public port.
        #expect(try await server.admin("POST", "/admin/v1/account", [:]).json as? [String: Int] == ["account": first + 1])
    }

    @Test func theAdminListenerWantsTheTokenAndServesMetricsWithout() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        #expect(server.adminPort != server.port && server.adminPort > 0)
        let anonymous = try await server.send("POST", "/admin/v1/account", on: .admin)
        #expect(anonymous.status == 401 && anonymous.code == -1002, "\(anonymous.text)")
        let wrong = try await server.send("POST", "/admin/v1/account", headers: ["X-Solvent-Admin-Token": "guess"], on: .admin)
        #expect(wrong.status == 401 && wrong.code == -1002)
        let opened = try await server.send("POST", "/admin/v1/account", headers: ["X-Solvent-Admin-Token": try server.adminToken()],
                                           on: .admin)
        #expect(opened.status == 200 && opened.json as? [String: Int] != nil, "\(opened.text)")
        let metrics = try await server.send("GET", "/metrics", on: .admin)
        #expect(metrics.status == 200 && metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains("solvent_"), "\(metrics.text.prefix(200))")
        // The public API is not served here: one surface per listener.
        let ping = try await server.send("GET", "/api/v3/ping", on: .admin)
        #expect(ping.status == 404 && ping.code == -1000)
    }

    /// `solvent admin` finds the listener as it finds the data directory: `<data>/admin.url`.
    @Test func theDataDirectorySaysWhereTheAdminListenerIs() async throws {
        let server = try await TestServer.start()
        let url = try String(contentsOfFile: server.directory + "/admin.url", encoding: .utf8)
        #expect(url == "http://127.0.0.1:\(server.adminPort)\n")
        let publicURL = try String(contentsOfFile: server.directory + "/server.url", encoding: .utf8)
        #expect(publicURL == "http://127.0.0.1:\(server.port)\n")
        let directory = server.directory
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: directory + "/admin.url"))
    }

    @Test func theConfigurationFileAndEnvironmentPlaceTheAdminListener() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-admin-\(UUID()).json").path
        try #"{"admin": {"host": "10.0.0.5", "port": 9091}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        #expect(configuration.adminHost == "127.0.0.1" && configuration.adminPort == 0)
        try configuration.apply(configurationFile: path)
        #expect(configuration.adminHost == "10.0.0.5" && configuration.adminPort == 9091)
        configuration.applyEnvironment(["SOLVENT_ADMIN_PORT": "9092", "SOLVENT_ADMIN_HOST": "::1"])
        #expect(configuration.adminHost == "::1" && configuration.adminPort == 9092)
        #expect(Listeners.url(scheme: "http", host: "::1", port: 9092) == "http://[::1]:9092")
        #expect(Listeners.url(scheme: "http", host: "0.0.0.0", port: 1) == "http://127.0.0.1:1")
        try #"{"admin": {"hots": "x"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: path) }
    }
}
