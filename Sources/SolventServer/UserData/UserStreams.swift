import Foundation
import SolventCore
import SolventJournal
import Synchronization

/// The per-account fan-out of user-data events. The commit hook hands over each durable batch
/// (an append, never a wait); the hub's own thread renders the events of the accounts someone
/// listens to, once each, and pushes them to every subscription of that account in sequence
/// order. It also ends listen-key subscriptions whose key expired or was closed.
final class UserStreams: Sendable {
    typealias SubscriptionId = UInt64

    /// Batches waiting for the hub, by default. Rendering keeps up with the sequencer by far; a
    /// backlog this long means something is badly wrong, and every subscription is ended rather
    /// than the queue growing without bound.
    static let pendingBatchesMaxDefault = 65_536
    /// How often listen keys are checked for expiry.
    static let sweepIntervalSeconds = 1.0

    fileprivate struct Subscription {
        let account: AccountId
        let listenKey: String?
        let sink: UserEventSink
    }

    fileprivate struct State {
        var subscriptions: [SubscriptionId: Subscription] = [:]
        var byAccount: [AccountId: [SubscriptionId]] = [:]
        var pending: [CommittedBatch] = []
        var nextId: SubscriptionId = 1
    }

    private let state = Mutex(State())
    private let stopped = Atomic(false)
    private let wake = DispatchSemaphore(value: 0)
    private let catalog: Catalog
    private let listenKeys: ListenKeys
    private let clock: @Sendable () -> Int64
    let pendingBatchesMax: Int

    init(catalog: Catalog, listenKeys: ListenKeys, clock: @escaping @Sendable () -> Int64 = ServerClock.milliseconds,
         pendingBatchesMax: Int = UserStreams.pendingBatchesMaxDefault) {
        precondition(pendingBatchesMax > 0, "the hub holds at least one batch")
        self.pendingBatchesMax = pendingBatchesMax
        self.catalog = catalog
        self.listenKeys = listenKeys
        self.clock = clock
        NamedThread.start("user-streams") { [self] in run() }
    }

    /// From the commit hook: queues the batch if anyone listens at all. The thread is woken by
    /// the first batch it has not taken yet, not by every batch, nor when nobody listens.
    func publish(_ batch: CommittedBatch) {
        let (overloaded, queuedFirst) = state.withLock { state -> ([UserEventSink], Bool) in
            guard !state.subscriptions.isEmpty else { return ([], false) }
            guard state.pending.count < pendingBatchesMax else { return (state.endAll(), false) }
            state.pending.append(batch)
            return ([], state.pending.count == 1)
        }
        overloaded.forEach { $0.ended(.overloaded) }
        if queuedFirst { wake.signal() }
    }

    /// Events of `account` from the next published batch on go to `sink`. With a `listenKey`,
    /// the subscription ends when that key expires or is closed.
    func subscribe(account: AccountId, listenKey: String? = nil, sink: UserEventSink) -> SubscriptionId {
        state.withLock { state in
            let id = state.nextId
            state.nextId += 1
            state.subscriptions[id] = Subscription(account: account, listenKey: listenKey, sink: sink)
            state.byAccount[account, default: []].append(id)
            return id
        }
    }

    /// Ends a subscription without a notice (the client asked, or its connection closed).
    func unsubscribe(_ id: SubscriptionId) {
        state.withLock { _ = $0.remove(id) }
    }

    var subscriptionCount: Int { state.withLock { $0.subscriptions.count } }

    /// Ends the hub's thread (at shutdown); nothing is delivered afterwards.
    func stop() {
        stopped.store(true, ordering: .releasing)
        wake.signal()
    }

    // MARK: The hub's thread

    private func run() {
        while !stopped.load(ordering: .acquiring) {
            let woken = wake.wait(timeout: .now() + Self.sweepIntervalSeconds) == .success
            if woken { drain() }
            sweepListenKeys()
        }
    }

    private func drain() {
        let batches = state.withLock { state in
            defer { state.pending.removeAll(keepingCapacity: true) }
            return state.pending
        }
        guard !batches.isEmpty else { return }
        let renderer = UserEventRenderer(listings: catalog.snapshot)
        for batch in batches {
            let listening = state.withLock { Set($0.byAccount.keys) }
            guard !listening.isEmpty else { continue }
            deliver(renderer.events(of: batch, for: listening.contains))
        }
    }

    /// Pushes each event to its account's subscriptions; a sink that refuses is dropped.
    private func deliver(_ events: [UserEvent]) {
        guard !events.isEmpty else { return }
        let accounts = Set(events.map(\.account))
        let sinks = state.withLock { state in
            Dictionary(uniqueKeysWithValues: accounts.map { account in
                (account, (state.byAccount[account] ?? []).compactMap { id in state.subscriptions[id].map { (id, $0.sink) } })
            })
        }
        var gone: [SubscriptionId] = []
        for event in events {
            for (id, sink) in sinks[event.account] ?? [] where !gone.contains(id) {
                if !sink.deliver(event) { gone.append(id) }
            }
        }
        if !gone.isEmpty { state.withLock { state in gone.forEach { _ = state.remove($0) } } }
    }

    /// Ends listen-key subscriptions whose key is no longer alive (spec §3.5: 60 minutes
    /// without a keep-alive, or closed), telling each one.
    private func sweepListenKeys() {
        let now = clock()
        let expired = state.withLock { state -> [(String, UserEventSink)] in
            let ids = state.subscriptions.compactMap { id, subscription -> SubscriptionId? in
                guard let key = subscription.listenKey else { return nil }
                return listenKeys.account(of: key, now: now) == subscription.account ? nil : id
            }
            return ids.compactMap { id in state.remove(id).flatMap { s in s.listenKey.map { ($0, s.sink) } } }
        }
        for (key, sink) in expired { sink.ended(.listenKeyExpired(key, at: now)) }
    }
}

extension UserStreams.State {
    fileprivate mutating func remove(_ id: UserStreams.SubscriptionId) -> UserStreams.Subscription? {
        guard let subscription = subscriptions.removeValue(forKey: id) else { return nil }
        byAccount[subscription.account]?.removeAll { $0 == id }
        if byAccount[subscription.account]?.isEmpty == true { byAccount[subscription.account] = nil }
        return subscription
    }

    /// Drops every subscription and the backlog; returns the sinks to tell.
    fileprivate mutating func endAll() -> [UserEventSink] {
        let sinks = subscriptions.values.map(\.sink)
        subscriptions.removeAll()
        byAccount.removeAll()
        pending.removeAll()
        return sinks
    }
}
