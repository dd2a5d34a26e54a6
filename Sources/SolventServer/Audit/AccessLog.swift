import Crypto
import Foundation
import SolventCore
import SolventWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The auditors' access log (`<data>/audit/access.log`): one JSON line per auditor request,
/// written and synced before the request is answered. Each line carries the SHA-256 of the line
/// before it and its own, so an operator who edits, drops or reorders a line breaks the chain
/// from there on; an auditor who wrote down a head (`GET .../audit/accessLog`) can prove it.
///
///     {"index":1,"time":…,"key":"…","path":"…","query":"…","previous":"<hex 32>","hash":"<hex 32>"}
///
/// `hash` = SHA-256 of the line up to `previous`'s value closed with `}` (the line without its
/// `hash` member), as UTF-8 bytes.
final class AccessLog: Sendable {
    struct Head: Sendable, Hashable {
        var index: UInt64
        var hash: String
        static let genesis = Head(index: 0, hash: String(repeating: "0", count: 64))

        /// The head as the journal holds it (`recordAccessLogHead`).
        var journalForm: AccessLogHead {
            guard let hash = Hex.decode(hash).flatMap({ SHA256Digest(bytes: $0) }) else {
                preconditionFailure("a head's hash is 64 hex digits, not \(hash)")
            }
            return AccessLogHead(index: index, hash: hash)
        }
    }

    /// What reading the file back found: its lines, the head, and the first line that breaks the chain.
    struct Reading: Sendable {
        var lines: [String] = []
        var head = Head.genesis
        var brokenAt: UInt64?
        /// The hash of each line the chain reaches before it breaks, line 1 first.
        var hashes: [String] = []

        /// Whether the chain reaches `journaled` intact: the line at its index is there, links
        /// to every line before it, and has its hash. A log rewritten from some line on, however
        /// consistently, fails this for every head journaled after that line.
        func holds(_ journaled: AccessLogHead) -> Bool {
            guard journaled.index >= 1, journaled.index <= UInt64(hashes.count) else { return false }
            return hashes[Int(journaled.index) - 1] == "\(journaled.hash)"
        }
    }

    let path: String
    private let state: Mutex<(descriptor: Int32, head: Head)>

    /// Opens (or creates, mode 0600) the log, reading it back to continue its chain.
    init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let reading = try Self.read(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ServerError("cannot open \(path): \(String(cString: strerror(errno)))") }
        state = Mutex((descriptor, reading.head))
    }

    deinit {
        state.withLock { _ = close($0.descriptor) }
    }

    /// Appends one request and syncs it, returning the log's new head; the request is refused if
    /// it cannot be logged.
    @discardableResult
    func record(time: Int64, key: String, path requestPath: String, query: String) throws(BinanceError) -> Head {
        try state.withLock { state throws(BinanceError) -> Head in
            let next = state.head.index + 1
            var writer = JSONWriter(capacity: 256)
            writer.beginObject()
            writer.field("index", Int64(next))
            writer.field("time", time)
            writer.field("key", key)
            writer.field("path", requestPath)
            writer.field("query", query)
            writer.field("previous", state.head.hash)
            writer.endObject()
            let unsigned = writer.finish()
            let hash = Self.hash(unsigned)
            let line = Array(unsigned.dropLast()) + Array(",\"hash\":\"\(hash)\"}\n".utf8)
            let written = line.withUnsafeBytes { write(state.descriptor, $0.baseAddress, $0.count) }
            guard written == line.count, fdatasync(state.descriptor) == 0 else {
                throw .unknown("the auditors' access log cannot be written")
            }
            state.head = Head(index: next, hash: hash)
            return state.head
        }
    }

    var head: Head { state.withLock { $0.head } }

    /// The log as it is on disk, its chain checked line by line.
    static func read(_ path: String) throws -> Reading {
        var reading = Reading()
        guard let data = FileManager.default.contents(atPath: path) else { return reading }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            reading.lines.append(String(line))
            guard reading.brokenAt == nil else { continue }
            guard let head = link(line, after: reading.head) else {
                reading.brokenAt = reading.head.index + 1
                continue
            }
            reading.head = head
            reading.hashes.append(head.hash)
        }
        return reading
    }

    /// The head after `line` if it follows `previous`: its index is the next, it names
    /// `previous`'s hash and its own hash is right.
    static func link(_ line: Substring, after previous: Head) -> Head? {
        let suffix = ",\"hash\":\""
        guard line.hasSuffix("\"}"), let cut = line.range(of: suffix, options: .backwards) else { return nil }
        let hash = String(line[cut.upperBound...].dropLast(2))
        let unsigned = Array(line[..<cut.lowerBound].utf8) + [UInt8(ascii: "}")]
        let expectedStart = "{\"index\":\(previous.index + 1),"
        let expectedEnd = "\"previous\":\"\(previous.hash)\"}"
        let text = String(decoding: unsigned, as: UTF8.self)
        guard text.hasPrefix(expectedStart), text.hasSuffix(expectedEnd), Self.hash(unsigned) == hash else { return nil }
        return Head(index: previous.index + 1, hash: hash)
    }

    private static func hash(_ bytes: [UInt8]) -> String {
        Hex.encode(Array(SHA256.hash(data: bytes)))
    }
}
