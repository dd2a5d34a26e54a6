import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SolventServer

/// Slow and idle clients against a real server over real sockets (`ConnectionDeadlines`,
/// `OpenConnections`): each one is cut off by its clock, and idle sockets cannot lock out a
/// client that wants to trade. The clocks are short here; the bounds are wide because a loaded
/// machine runs timers late, never early.
@Suite(.serialized) struct ConnectionDeadlinesTests {
    static let ping = "GET /api/v3/ping HTTP/1.1\r\nHost: test\r\n\r\n"

    /// Hummingbird logs an error for every connection closed before its first request; here
    /// thousands are, on purpose.
    static func server(_ change: @escaping (inout ConnectionLimits) -> Void) async throws -> TestServer {
        try await TestServer.start(logLevel: .critical) { change(&$1.connections) }
    }

    /// Sends `pieces` one after another, `gap` apart, until the server closes the connection;
    /// the seconds that took, or nil if it never closed.
    static func secondsUntilClosed(_ socket: RawSocket, sending pieces: [String], gap: Double) -> Double? {
        let start = Date()
        for piece in pieces {
            guard socket.send(piece), !socket.receive(within: gap).closed else { return Date().timeIntervalSince(start) }
        }
        return nil
    }

    @Test func aSlowLorisIsCutOffAfterTheHeaderTimeoutThoughItKeepsSending() async throws {
        let server = try await Self.server { $0.requestHeadSeconds = 1; $0.idleSeconds = 60 }
        defer { Task { await server.stop() } }
        let port = server.port
        let seconds = try await onOwnThread {
            // A header line every 0.2 s for 12 s: never idle, never complete.
            let pieces = ["GET /api/v3/ping HTTP/1.1\r\n"] + (0..<60).map { "X-Slow-\($0): a\r\n" }
            return Self.secondsUntilClosed(try RawSocket(port: port), sending: pieces, gap: 0.2)
        }
        #expect(seconds != nil, "the connection was never closed")
        #expect((0.9...8).contains(seconds ?? 0), "closed after \(seconds ?? 0) s")
        // A client that sends its request at once is still served.
        let answer = try await onOwnThread {
            let prompt = try RawSocket(port: port)
            prompt.send(Self.ping)
            return prompt.receive(within: 5).text
        }
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
    }

    @Test func aSlowBodyIsCutOffAfterTheBodyTimeout() async throws {
        let server = try await Self.server { $0.requestBodySeconds = 1; $0.idleSeconds = 60 }
        defer { Task { await server.stop() } }
        let port = server.port
        let seconds = try await onOwnThread {
            let head = "POST /api/v3/order HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
            return Self.secondsUntilClosed(try RawSocket(port: port), sending: [head] + Array(repeating: "symbol=BTC&", count: 60),
                                           gap: 0.2)
        }
        #expect(seconds != nil, "the connection was never closed")
        #expect((0.9...8).contains(seconds ?? 0), "closed after \(seconds ?? 0) s")
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterItsAnswerAndTheIdleTimeout() async throws {
        let server = try await Self.server { $0.idleSeconds = 1 }
        defer { Task { await server.stop() } }
        let port = server.port
        let (first, second, rest, seconds) = try await onOwnThread {
            let socket = try RawSocket(port: port)
            socket.send(Self.ping)
            let first = socket.receive(within: 0.5)
            // Answered, the connection stays for the next request, then closes when none comes:
            // a second after that answer, not before.
            let start = Date()
            socket.send(Self.ping)
            let second = socket.receive(within: 0.5)
            let rest = socket.receive(within: 8)
            return (first, second.text, rest, Date().timeIntervalSince(start))
        }
        #expect(first.text.hasPrefix("HTTP/1.1 200") && !first.closed, "\(first)")
        #expect(second.hasPrefix("HTTP/1.1 200"), "\(second)")
        #expect(rest.closed && rest.text.isEmpty, "\(rest)")
        #expect((0.9...8).contains(seconds), "closed after \(seconds) s")
    }

    @Test func idleConnectionsByTheThousandDoNotLockOutATrader() async throws {
        let count = Self.socketsAffordable(upTo: 10_000)
        let openMax = count / 2
        let server = try await Self.server { $0.openMax = openMax }
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let port = server.port
        let idle = try await onOwnThread { try IdleSockets(count: count, port: port) }
        let order = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.001",
            "price": "1000"], as: alice)
        #expect(order.status == 200, "\(order.text)")
        // Past openMax the oldest idle sockets were closed to make room.
        try await Task.sleep(for: .seconds(1))
        let closed = idle.sockets.filter(\.isClosed).count
        #expect(closed >= count - openMax, "\(closed) of \(count) closed with openMax \(openMax)")
        #expect(!idle.sockets.last!.isClosed, "the newest idle socket should have stayed")
    }

    /// As many sockets as the descriptor limit allows beside the server's half, at most `upTo`.
    static func socketsAffordable(upTo wanted: Int) -> Int {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return min(wanted, max(0, Int(limit.rlim_cur) - 1_000) * 2 / 3)
    }
}

/// Sockets opened and left idle, handed back from the thread that opened them.
private final class IdleSockets: @unchecked Sendable {
    let sockets: [RawSocket]

    init(count: Int, port: Int) throws {
        sockets = try (0..<count).map { _ in try RawSocket(port: port) }
    }
}
