import NIOCore
import Synchronization

/// The plain HTTP connections open now, and which have been idle the longest, so a connection
/// past `ConnectionLimits.openMax` evicts the one idle the longest instead of being refused
/// while sockets that do nothing hold every place.
final class OpenConnections: Sendable {
    private struct Entry {
        let channel: any Channel
        /// The tick at which it last became idle; nil while a request is in progress.
        var idleSince: UInt64?
    }

    /// Ticks only grow, so the longest idle is the smallest tick in `idleByTick`; `floor` never
    /// passes a live one and only moves up, so finding it costs O(1) amortized.
    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var idleByTick: [UInt64: ObjectIdentifier] = [:]
        var tick: UInt64 = 0
        var floor: UInt64 = 1

        mutating func markIdle(_ id: ObjectIdentifier) {
            tick += 1
            entries[id]?.idleSince = tick
            idleByTick[tick] = id
        }

        mutating func markBusy(_ id: ObjectIdentifier) {
            guard let since = entries[id]?.idleSince else { return }
            entries[id]?.idleSince = nil
            idleByTick[since] = nil
        }

        mutating func remove(_ id: ObjectIdentifier) -> Entry? {
            markBusy(id)
            return entries.removeValue(forKey: id)
        }

        mutating func longestIdle() -> ObjectIdentifier? {
            while floor <= tick {
                if let id = idleByTick[floor] { return id }
                floor += 1
            }
            return nil
        }
    }

    private let openMax: Int
    private let state = Mutex(State())

    init(openMax: Int) {
        self.openMax = openMax
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// Admits `channel`, evicting the longest-idle connection when full; false when full of
    /// connections that are all mid-request, and `channel` must be closed.
    func open(_ channel: any Channel) -> Bool {
        let (admitted, evicted): (Bool, (any Channel)?) = state.withLock { state in
            var evicted: (any Channel)?
            if state.entries.count >= openMax {
                guard let oldest = state.longestIdle() else { return (false, nil) }
                evicted = state.remove(oldest)?.channel
            }
            let id = ObjectIdentifier(channel)
            state.entries[id] = Entry(channel: channel, idleSince: nil)
            state.markIdle(id)
            return (true, evicted)
        }
        evicted?.close(promise: nil)
        return admitted
    }

    func mark(_ channel: any Channel, idle: Bool) {
        state.withLock { state in
            let id = ObjectIdentifier(channel)
            guard let entry = state.entries[id] else { return }
            if !idle { return state.markBusy(id) }
            if entry.idleSince == nil { state.markIdle(id) }
        }
    }

    func close(_ channel: any Channel) {
        _ = state.withLock { $0.remove(ObjectIdentifier(channel)) }
    }
}
