import Dispatch

/// Holds every journal sync until released, so a test can keep the sequencer busy on purpose.
final class SyncGate: Sendable {
    private let entered = DispatchSemaphore(value: 0)
    private let wake = DispatchSemaphore(value: 0)
    private let released = Locked(false)
    private let pathFilter: String

    init(pathFilter: String = "journal-") { self.pathFilter = pathFilter }

    /// For `MemoryFileSystem.gateSyncs`: blocks a matching sync until `release()`.
    func pass(_ path: String) {
        guard path.contains(pathFilter), !released.value else { return }
        entered.signal()
        wake.wait()
    }

    /// Waits until a sync is being held; false after `seconds` without one.
    func awaitHeldSync(seconds: Double = 20) -> Bool {
        entered.wait(timeout: .now() + seconds) == .success
    }

    /// Lets the held sync and every later one through.
    func release() {
        released.update { $0 = true }
        wake.signal()
    }
}
