import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Testing
@testable import SolventServer

/// TLS on the public listener (`ServerConfiguration.tls`), with a certificate made for the test
/// by the `openssl` command (no key material is kept in the repository).
@Suite(.enabled(if: SelfSignedCertificate.opensslAvailable, "needs the openssl command"))
struct TLSListenerTests {
    @Test func thePublicListenerServesHTTPSAndRefusesPlainHTTP() async throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let server = try await TestServer.start { _, configuration in
            configuration.tls = TLSFiles(certificateChain: certificate.certificatePath, privateKey: certificate.keyPath)
        }
        defer { Task { await server.stop() } }
        let answer = try await TLSClient.get(port: server.port, "/api/v3/ping", trusting: certificate.certificatePath)
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
        #expect(answer.hasSuffix("\r\n\r\n{}"), "\(answer)")
        let exchangeInfo = try await TLSClient.get(port: server.port, "/api/v3/exchangeInfo", trusting: certificate.certificatePath)
        #expect(exchangeInfo.contains("\"symbol\":\"BTCUSDT\""))
        // The page's session cookie is Secure when the listener serves TLS itself.
        let signup = try await TLSClient.send(port: server.port, "POST", "/sapi/v1/solvent/user/signup",
                                              headers: [WebSessions.csrfHeader: "1"], body: "login=carol&password=correct-horse-9",
                                              trusting: certificate.certificatePath)
        let cookie = signup.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }
        #expect(signup.hasPrefix("HTTP/1.1 200") && cookie?.contains("; Secure") == true, "\(signup)")
        // Plain HTTP on the TLS port gets no HTTP answer.
        await #expect(throws: (any Error).self) { try await server.send("GET", "/api/v3/ping") }
        // A client that does not trust the certificate refuses the connection.
        let other = try SelfSignedCertificate()
        defer { other.remove() }
        await #expect(throws: (any Error).self) {
            try await TLSClient.get(port: server.port, "/api/v3/ping", trusting: other.certificatePath)
        }
        // The admin listener stays plain HTTP on loopback: the test server's setup went through it.
        #expect(try await server.send("GET", "/metrics", on: .admin).status == 200)
        let url = try String(contentsOfFile: server.directory + "/server.url", encoding: .utf8)
        #expect(url == "https://127.0.0.1:\(server.port)\n")
    }

    @Test func filesThatDoNotLoadStopTheStartWithOneLine() async throws {
        let certificate = try SelfSignedCertificate()
        let other = try SelfSignedCertificate()
        defer { certificate.remove(); other.remove() }
        let cases: [(TLSFiles, String)] = [
            (TLSFiles(certificateChain: "/nonexistent/chain.pem", privateKey: certificate.keyPath), "cannot read /nonexistent/chain.pem"),
            (TLSFiles(certificateChain: certificate.keyPath, privateKey: certificate.keyPath), "holds no PEM certificate chain"),
            (TLSFiles(certificateChain: certificate.certificatePath, privateKey: certificate.certificatePath), "holds no PEM private key"),
            (TLSFiles(certificateChain: certificate.certificatePath, privateKey: other.keyPath), "does not match"),
        ]
        for (files, expected) in cases {
            let error = await #expect(throws: ServerError.self) {
                try await SolventApplication.run(Self.configuration(files), logger: .init(label: "test"))
            }
            let text = error.map { "\($0)" } ?? ""
            #expect(text.contains(expected) && !text.contains("\n"), "\(text)")
        }
    }

    @Test func theConfigurationFileNamesTheFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-tls-\(UUID()).json").path
        try #"{"tls": {"certificateChain": "/etc/solvent/chain.pem", "privateKey": "/etc/solvent/key.pem"}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        #expect(configuration.tls == nil)
        try configuration.apply(configurationFile: path)
        #expect(configuration.tls == TLSFiles(certificateChain: "/etc/solvent/chain.pem", privateKey: "/etc/solvent/key.pem"))
        try #"{"tls": {"certificateChain": "/etc/solvent/chain.pem"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: path) }
    }

    private static func configuration(_ files: TLSFiles) -> ServerConfiguration {
        var configuration = ServerConfiguration(dataDirectory: FileManager.default.temporaryDirectory
            .appendingPathComponent("solvent-tls-\(UUID())").path)
        configuration.port = 0
        configuration.tls = files
        return configuration
    }
}
