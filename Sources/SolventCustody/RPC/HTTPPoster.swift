import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP POST and its answer: the transport under the JSON-RPC client (a seam so tests can
/// answer in-process).
public protocol HTTPPoster: Sendable {
    func post(path: String, body: [UInt8], headers: [(String, String)]) async throws -> HTTPReply
}

public struct HTTPReply: Sendable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// HTTP/1.1 over a fresh connection per request (JSON-RPC calls are few and small), on NIO.
public struct NIOHTTPPoster: HTTPPoster {
    public let host: String
    public let port: Int
    /// Replies larger than this are refused rather than buffered.
    public static let replyBytesMax = 64 << 20

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func post(path: String, body: [UInt8], headers: [(String, String)]) async throws -> HTTPReply {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
            head.headers.add(name: "Host", value: "\(host):\(port)")
            head.headers.add(name: "Content-Type", value: "application/json")
            head.headers.add(name: "Content-Length", value: "\(body.count)")
            head.headers.add(name: "Connection", value: "close")
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            // One batch: the server may answer and close as soon as the body's last byte arrives
            // (Content-Length framing), so a separate `.end` write could meet a closed channel.
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: body))), .end(nil)])
            var status = 0
            var reply: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let response): status = Int(response.status.code)
                case .body(let buffer):
                    reply += buffer.readableBytesView
                    guard reply.count <= Self.replyBytesMax else { throw Failure(description: "reply too large") }
                case .end: return HTTPReply(status: status, body: reply)
                }
            }
            throw Failure(description: "the connection to \(host):\(port) closed before the reply ended")
        }
    }
}
