import Synchronization

/// A boolean shared between threads.
final class Flag: Sendable {
    private let state = Atomic<Bool>(false)

    var value: Bool { state.load(ordering: .acquiring) }

    /// Sets the flag; false if it was already set.
    func setIfClear() -> Bool {
        state.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    func clear() {
        state.store(false, ordering: .releasing)
    }
}
