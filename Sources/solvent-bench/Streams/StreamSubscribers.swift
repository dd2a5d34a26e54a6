import Foundation
import HummingbirdWSClient
import Logging
import Synchronization

/// `count` WebSocket clients on one stream URL, each counting what it receives and how old each
/// message is on arrival: receipt time minus the message's `E` (for depth diffs, the commit time
/// of the newest change it carries). Ages are kept per millisecond up to 10 s.
final class StreamSubscribers: Sendable {
    static let ageBucketsMax = 10_000

    private let url: String
    private let count: Int
    private let stopping = Atomic<Bool>(false)
    private let measuring = Atomic<Bool>(false)
    private let connected = Atomic<Int>(0)
    private let received = Atomic<Int>(0)
    private let ages = Mutex([Int](repeating: 0, count: StreamSubscribers.ageBucketsMax + 1))

    init(url: String, count: Int) {
        self.url = url
        self.count = count
    }

    var connectedCount: Int { connected.load(ordering: .relaxed) }

    /// Opens the connections (in the background; see `connectedCount`).
    func start() -> [Task<Void, Never>] {
        let logger = { var logger = Logger(label: "bench-streams-client"); logger.logLevel = .critical; return logger }()
        return (0..<count).map { _ in
            Task { [self] in
                _ = try? await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 22),
                                                        logger: logger) { [self] inbound, _, _ in
                    connected.add(1, ordering: .relaxed)
                    var local = [Int](repeating: 0, count: Self.ageBucketsMax + 1)
                    var messages = 0
                    for try await message in inbound.messages(maxSize: 1 << 24) {
                        if stopping.load(ordering: .relaxed) { break }
                        guard measuring.load(ordering: .relaxed), case .text(let text) = message else { continue }
                        messages += 1
                        if let sent = Self.eventTime(text) {
                            let age = Int(Date().timeIntervalSince1970 * 1_000) - Int(sent)
                            local[min(max(age, 0), Self.ageBucketsMax)] += 1
                        }
                    }
                    received.add(messages, ordering: .relaxed)
                    ages.withLock { total in for (index, n) in local.enumerated() { total[index] += n } }
                }
            }
        }
    }

    func measure() { measuring.store(true, ordering: .relaxed) }

    /// Ends the measurement; the clients close at their next message.
    func stop() { stopping.store(true, ordering: .relaxed) }

    var messages: Int { received.load(ordering: .relaxed) }

    /// The age (ms) below which `fraction` of the measured messages arrived.
    func agePercentile(_ fraction: Double) -> Int {
        ages.withLock { buckets in
            let total = buckets.reduce(0, +)
            guard total > 0 else { return 0 }
            var seen = 0
            for (age, n) in buckets.enumerated() {
                seen += n
                if Double(seen) >= fraction * Double(total) { return age }
            }
            return Self.ageBucketsMax
        }
    }

    /// The integer after `"E":`, scanned without decoding the JSON.
    static func eventTime(_ text: String) -> Int64? {
        var utf8 = text.utf8[...]
        let key = Array(#""E":"#.utf8)
        while let start = utf8.firstIndex(of: key[0]) {
            utf8 = utf8[start...]
            if utf8.starts(with: key) {
                var value: Int64 = 0
                for byte in utf8.dropFirst(key.count) {
                    guard byte >= 48 && byte <= 57 else { break }
                    value = value * 10 + Int64(byte - 48)
                }
                return value
            }
            utf8 = utf8.dropFirst()
        }
        return nil
    }
}
