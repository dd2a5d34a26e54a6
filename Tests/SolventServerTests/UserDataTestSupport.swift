import Foundation
import SolventCore
import SolventJournal
import SolventWire
import Synchronization
@testable import SolventServer

/// The real disk, except that journal syncs can be held until the test lets them through: a
/// command is then applied but not durable, which is exactly when nothing may be published.
final class HeldSyncDisk: FileSystem {
    private let disk = POSIXFileSystem()
    private let holding = Atomic(false)
    private let entered = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    /// From now on, the next journal sync waits for `release()`.
    func holdNextSync() { holding.store(true, ordering: .sequentiallyConsistent) }

    /// Waits until a sync is being held.
    func awaitHeldSync(seconds: Double = 20) -> Bool { entered.wait(timeout: .now() + seconds) == .success }

    func release() {
        holding.store(false, ordering: .sequentiallyConsistent)
        released.signal()
    }

    func sync(_ file: OpenFile) throws(FileSystemError) {
        if holding.load(ordering: .sequentiallyConsistent) {
            entered.signal()
            released.wait()
        }
        try disk.sync(file)
    }

    func list(_ directory: String) throws(FileSystemError) -> [String] { try disk.list(directory) }
    func makeDirectory(_ directory: String) throws(FileSystemError) { try disk.makeDirectory(directory) }
    func read(_ path: String) throws(FileSystemError) -> [UInt8] { try disk.read(path) }
    func create(_ path: String, exclusive: Bool) throws(FileSystemError) -> OpenFile {
        try disk.create(path, exclusive: exclusive)
    }
    func openForAppend(_ path: String) throws(FileSystemError) -> OpenFile { try disk.openForAppend(path) }
    func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        try disk.write(file, bytes)
    }
    func close(_ file: OpenFile) { disk.close(file) }
    func truncate(_ path: String, to length: Int) throws(FileSystemError) { try disk.truncate(path, to: length) }
    func rename(_ path: String, to newPath: String) throws(FileSystemError) { try disk.rename(path, to: newPath) }
    func remove(_ path: String) throws(FileSystemError) { try disk.remove(path) }
    func syncDirectory(_ directory: String) throws(FileSystemError) { try disk.syncDirectory(directory) }
}

/// A sequencer in a fresh directory wired like the server's (catalog, then user streams, on
/// every commit), with BTC/USDT listed and two funded accounts (1 and 2).
final class UserDataRig: @unchecked Sendable {
    let directory: String
    let disk = HeldSyncDisk()
    let catalog = Catalog()
    let listenKeys = ListenKeys()
    /// API keys the rig's streams treat as revoked.
    let revoked = RevokedKeys()
    let clock = ManualClock(1_700_000_000_000)
    let streams: UserStreams
    let ring: CommitRing
    let sequencer: Sequencer

    init(ringBatchesMax: Int = CommitRing.batchesMaxDefault) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-userdata-\(UUID())").path
        let catalog = catalog, clock = clock, revoked = revoked
        ring = CommitRing(batchesMax: ringBatchesMax)
        streams = UserStreams(catalog: catalog, listenKeys: listenKeys, keyIsActive: { !revoked.contains($0) },
                              cursor: ring.cursor("user streams"),
                              clock: { clock.value })
        sequencer = try Sequencer(directory: directory, fileSystem: disk,
                                  hooks: SequencerHooks(onCommit: { catalog.absorb($0) }), ring: ring)
    }

    func setUp() async throws {
        for command: Command in [
            .listAsset(AssetSpec(name: "BTC", scale: 8)), .listAsset(AssetSpec(name: "USDT", scale: 6)),
            .listMarket(MarketSpec(symbol: "BTCUSDT", base: 0, quote: 1, filters: MarketFilters(
                price: PriceFilter(minPrice: 10_000, maxPrice: 1_000_000_000_000, tickSize: 10_000),
                lotSize: LotSizeFilter(minQuantity: 10_000, maxQuantity: 900_000_000_000, stepSize: 10_000)))),
            .openAccount(nil), .openAccount(nil), .openAccount(nil),
            .deposit(1, 1, 1_000_000_000_000), .deposit(2, 0, 1_000_000_000),
        ] {
            _ = try await sequencer.execute(command)
        }
    }

    func stop() {
        sequencer.stop(takingSnapshot: false)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A LIMIT order of `account` at a whole price with a quantity in BTC units.
    static func limit(_ account: AccountId, _ side: Side, price: Int64, quantity: Int64, id: String) -> Command {
        .placeOrder(.limit(account, 0, side, price: price * 1_000_000, quantity: quantity, clientOrderId: ClientOrderId(id)!))
    }
}

/// A clock the test moves by hand (listen-key expiry without waiting an hour).
final class ManualClock: Sendable {
    private let now: Atomic<Int64>

    init(_ start: Int64) { now = Atomic(start) }

    var value: Int64 { now.load(ordering: .sequentiallyConsistent) }
    func set(_ value: Int64) { now.store(value, ordering: .sequentiallyConsistent) }
}

/// API keys a test has revoked.
final class RevokedKeys: Sendable {
    private let keys = Mutex<Set<String>>([])

    func revoke(_ key: String) { _ = keys.withLock { $0.insert(key) } }
    func contains(_ key: String) -> Bool { keys.withLock { $0.contains(key) } }
}

/// What a test subscription received, in order.
final class CollectingSink: Sendable {
    private let received = Mutex<[(event: UserEvent, committedThen: UInt64)]>([])
    private let endings = Mutex<[UserStreamEnding]>([])

    /// `committed` is read at each delivery, to prove the event's record was durable by then.
    func sink(committed: @escaping @Sendable () -> UInt64 = { .max }, accepting: Bool = true,
              beforeDelivery: @escaping @Sendable () -> Void = {}) -> UserEventSink {
        UserEventSink(
            deliver: { [self] event in
                beforeDelivery()
                received.withLock { $0.append((event, committed())) }
                return accepting
            },
            ended: { [self] ending in endings.withLock { $0.append(ending) } })
    }

    var events: [UserEvent] { received.withLock { $0.map(\.event) } }
    var deliveries: [(event: UserEvent, committedThen: UInt64)] { received.withLock { $0 } }
    var ended: [UserStreamEnding] { endings.withLock { $0 } }

    /// The `"e"` of each event received.
    var kinds: [String] {
        events.map { event in
            let json = (try? JSONSerialization.jsonObject(with: Data(event.json))) as? [String: Any]
            return json?["e"] as? String ?? "?"
        }
    }
}

/// Polls `condition` every 5 ms for up to `seconds`.
func eventually(seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
    return condition()
}
