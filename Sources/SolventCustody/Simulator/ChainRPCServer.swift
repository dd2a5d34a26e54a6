import NIOCore
import NIOHTTP1
import NIOPosix

/// The simulated chain's JSON-RPC over HTTP/1.1 on loopback, as bitcoind serves it: POST `/` and
/// `/wallet/<name>`, basic auth, one reply per request, then the connection closes.
public final class ChainRPCServer: Sendable {
    /// Request bodies larger than this are refused (JSON-RPC calls are a few hundred bytes).
    static let requestBytesMax = 1 << 20

    public let port: Int
    private let channel: any Channel

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
    }

    /// Listens on `host:port` (0: a free port).
    public static func start(_ rpc: SimulatedChainRPC, host: String = "127.0.0.1", port: Int = 0) async throws -> ChainRPCServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RPCHTTPHandler(rpc: rpc))
                }
            }
            .bind(host: host, port: port).get()
        return ChainRPCServer(port: channel.localAddress?.port ?? port, channel: channel)
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    public func close() async throws {
        try await channel.close()
    }
}

/// Gathers one request and answers it from the RPC handler.
private final class RPCHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let rpc: SimulatedChainRPC
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(rpc: SimulatedChainRPC) { self.rpc = rpc }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
            body = []
        case .body(let buffer):
            body += buffer.readableBytesView
            if body.count > ChainRPCServer.requestBytesMax { respond(context, HTTPReply(status: 413, body: [])) }
        case .end:
            guard let request = head else { return }
            head = nil
            let reply = request.method == .POST
                ? rpc.handle(path: request.uri, body: body, authorization: request.headers.first(name: "Authorization"))
                : HTTPReply(status: 405, body: [])
            respond(context, reply)
        }
    }

    private func respond(_ context: ChannelHandlerContext, _ reply: HTTPReply) {
        var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status))
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: "\(reply.body.count)")
        head.headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
