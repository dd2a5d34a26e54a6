import Synchronization

/// A value shared between the sequencer's thread and the test, behind a mutex.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    var value: Value { mutex.withLock { $0 } }

    @discardableResult
    func update<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}

extension Locked {
    func append<Element: Sendable>(_ element: Element) where Value == [Element] {
        update { $0.append(element) }
    }
}
