import Foundation
import NIOCore
import NIOPosix
import NIOSSL
@testable import SolventServer

/// A certificate for `localhost` and 127.0.0.1 and its key, made now by the `openssl` command in
/// a temporary directory: no key material lives in the repository.
struct SelfSignedCertificate {
    let directory: String
    var certificatePath: String { directory + "/chain.pem" }
    var keyPath: String { directory + "/key.pem" }

    static let openssl = "/usr/bin/openssl"
    static var opensslAvailable: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-cert-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", directory + "/key.pem", "-out", directory + "/chain.pem", "-days", "1",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("openssl req exited \(process.terminationStatus)") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// One HTTPS request with swift-nio-ssl, trusting only the certificate in `trusting` and
/// checking it names `localhost`: the answer as text, read until the server closes.
enum TLSClient {
    static func get(port: Int, _ path: String, trusting certificatePath: String) async throws -> String {
        try await send(port: port, "GET", path, trusting: certificatePath)
    }

    /// A form-encoded `body`, when given.
    static func send(port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil,
                     trusting certificatePath: String) async throws -> String {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(certificatePath)
        let context = try NIOSSLContext(configuration: configuration)
        let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: String.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    try channel.pipeline.syncOperations.addHandler(AnswerCollector(promise))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        let request = head + "\r\n" + (body ?? "")
        channel.writeAndFlush(ByteBuffer(string: request), promise: nil)
        return try await promise.futureResult.get()
    }
}

/// Collects the answer's bytes; completes once, at the close or the first error.
private final class AnswerCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let promise: EventLoopPromise<String>
    private var text = ""
    private var done = false

    init(_ promise: EventLoopPromise<String>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        text += String(buffer: unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.success(text))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A server that closes without TLS's close_notify after the whole answer is still an answer.
        if case NIOSSLError.uncleanShutdown = error, !text.isEmpty { return finish(.success(text)) }
        finish(.failure(error))
        context.close(promise: nil)
    }

    private func finish(_ result: Result<String, any Error>) {
        guard !done else { return }
        done = true
        promise.completeWith(result)
    }
}
