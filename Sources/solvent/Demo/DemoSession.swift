import Foundation
import SolventCommandLine
import SolventCore
import SolventJournal

/// The demo exchange on embedded storage: every command goes through the sequencer, is
/// journaled and synced before its events reach the traders, who learn only from those durable
/// events. The screen reads the state on the sequencer's thread.
struct DemoSession {
    let sequencer: Sequencer
    private(set) var state: DemoState
    private var traders: DemoTraders
    private let inbox = DemoInbox()
    /// Commands the traders have submitted (the setup excluded).
    private(set) var tradingCommands = 0

    /// Starts a new exchange in `directory`, which must not hold a journal yet, and lists and
    /// funds the demo's markets and accounts.
    init(venue: DemoVenue, seed: UInt64, directory: String) throws {
        let inbox = inbox
        do {
            sequencer = try Sequencer(directory: directory, hooks: SequencerHooks(
                onCommit: { inbox.append($0) },
                onFailure: { StandardStreams.fail("solvent demo: \($0)") }))
        } catch {
            throw CommandFailure("cannot open \(directory): \(error)")
        }
        guard sequencer.committedSequence == 0 else {
            sequencer.stop()
            throw CommandFailure("\(directory) already holds a journal; the demo starts a new exchange in an empty directory")
        }
        state = DemoState(markets: venue.markets.count, assets: DemoVenue.assetNames.count)
        traders = DemoTraders(venue: venue, seed: seed)
        let setup = venue.setupCommands()
        for command in setup { try sequencer.submit(command) { _ in } }
        while sequencer.committedSequence < UInt64(setup.count) { usleep(1_000) }
        absorbCommitted()
        guard state.rejectionCount == 0 else { throw CommandFailure("the demo's setup was rejected: \(state.rejections)") }
    }

    /// Learns what became durable since the last call, then submits up to `count` commands.
    /// When the sequencer is busy the rest waits for the next frame.
    mutating func step(count: Int) {
        absorbCommitted()
        for _ in 0..<count {
            let command = traders.nextCommand(state) { [state] in state.balance(of: $0, $1) }
            do { try sequencer.submit(command) { _ in } } catch { break }
            tradingCommands += 1
        }
    }

    /// Reads the live state on the sequencer's thread (the screen, the checks).
    func read<Value: Sendable>(_ body: @escaping @Sendable (Exchange) -> Value) async throws -> Value {
        try await sequencer.inspect(body)
    }

    /// Learns from every batch made durable so far.
    mutating func absorbCommitted() {
        for batch in inbox.drain() {
            for index in 0..<batch.count { state.absorb(batch.events(of: index)) }
        }
    }
}

/// Durable batches on their way from the committer's thread to the demo's loop.
private final class DemoInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [CommittedBatch] = []

    func append(_ batch: CommittedBatch) {
        lock.withLock { batches.append(batch) }
    }

    func drain() -> [CommittedBatch] {
        lock.withLock {
            defer { batches.removeAll(keepingCapacity: true) }
            return batches
        }
    }
}
