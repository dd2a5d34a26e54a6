import Dispatch
import Foundation

/// Replay in two stages: a second thread reads, checks and decodes records (framing, CRC-32C,
/// command decoding) while the caller's thread applies them, so replay runs at the speed of
/// the slower stage instead of the sum of both. Records cross in chunks through a bounded queue.
enum RecordStream {
    static let chunkSize = 4_096

    /// Runs `produce` on a second thread, handing each record it emits to `consume` here, and
    /// returns what `produce` returned (or throws what it threw, once `consume` has caught up).
    static func run<Outcome: Sendable>(
        _ produce: @escaping @Sendable (_ emit: (JournalRecord) -> Void) throws(JournalError) -> Outcome,
        consume: (JournalRecord) -> Void
    ) throws(JournalError) -> Outcome {
        let queue = BoundedQueue<[JournalRecord]>(capacity: 4)
        let result = ResultSlot<Outcome>()
        let thread = Thread {
            var chunk = Chunk(queue: queue)
            do throws(JournalError) {
                result.value = .success(try produce { chunk.append($0) })
            } catch {
                result.value = .failure(error)
            }
            chunk.flush()
            queue.close()
            result.done.signal()
        }
        thread.name = "solvent-replay-reader"
        thread.start()
        var taken: [[JournalRecord]] = []
        while queue.take(into: &taken) {
            for chunk in taken { chunk.forEach(consume) }
            taken.removeAll(keepingCapacity: true)
        }
        result.done.wait()
        return try result.value!.get()
    }

    /// Records gathered into chunks on the reading thread.
    private struct Chunk {
        let queue: BoundedQueue<[JournalRecord]>
        var records: [JournalRecord] = []

        init(queue: BoundedQueue<[JournalRecord]>) {
            self.queue = queue
            records.reserveCapacity(RecordStream.chunkSize)
        }

        mutating func append(_ record: JournalRecord) {
            records.append(record)
            if records.count == RecordStream.chunkSize { flush() }
        }

        mutating func flush() {
            guard !records.isEmpty else { return }
            _ = queue.pushWaiting(records)
            records = []
            records.reserveCapacity(RecordStream.chunkSize)
        }
    }

    /// The reading thread's outcome, read by the caller after `done`.
    private final class ResultSlot<Outcome>: @unchecked Sendable {
        var value: Result<Outcome, JournalError>?
        let done = DispatchSemaphore(value: 0)
    }
}
