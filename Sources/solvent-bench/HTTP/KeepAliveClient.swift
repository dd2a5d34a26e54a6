import Foundation
import Glibc
import SolventCommandLine

/// A minimal HTTP/1.1 client over one keep-alive TCP connection to 127.0.0.1, for the load
/// generator: it writes a request and reads exactly one response (headers, then Content-Length
/// bytes). Blocking sockets, one per thread: nothing between the bytes and the server.
/// Used by one thread at a time; @unchecked because it owns a descriptor and a buffer.
final class KeepAliveClient: @unchecked Sendable {
    private let socket: Int32
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    private var pending: [UInt8] = []

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CommandFailure("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CommandFailure("cannot connect to 127.0.0.1:\(port)") }
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit {
        close(socket)
    }

    /// Sends `request` (a whole HTTP/1.1 request) and returns the response's status.
    func exchange(_ request: [UInt8]) throws -> Int {
        try exchangeWithBody(request).status
    }

    /// Sends `request` and returns the response's status and body.
    func exchangeWithBody(_ request: [UInt8]) throws -> (status: Int, body: [UInt8]) {
        try request.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(socket, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw CommandFailure("the server closed the connection") }
                offset += written
            }
        }
        return try readResponse()
    }

    private func readResponse() throws -> (status: Int, body: [UInt8]) {
        while true {
            if let (status, bodyStart, length) = parsed(), pending.count >= length {
                let body = Array(pending[bodyStart..<length])
                pending.removeFirst(length)
                return (status, body)
            }
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress!, $0.count) }
            guard count > 0 else { throw CommandFailure("the server closed the connection") }
            pending += buffer[..<count]
        }
    }

    /// The status and total length of the response at the start of `pending`, once its headers
    /// are complete.
    private func parsed() -> (status: Int, bodyStart: Int, length: Int)? {
        guard let end = headerEnd() else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var bodyLength = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            bodyLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return (status, end + 4, end + 4 + bodyLength)
    }

    private func headerEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 0...(pending.count - 4)
        where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
            return index
        }
        return nil
    }
}
