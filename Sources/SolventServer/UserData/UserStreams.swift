import Foundation
import SolventCore
import SolventJournal
import SolventWire
import Synchronization

/// The per-account fan-out of user-data events. Its own thread reads every durable batch from
/// its cursor on the commit ring, renders the events of the accounts someone listens to, once
/// each, and pushes them to every subscription of that account in sequence order. It also ends
/// listen-key subscriptions whose key expired or was closed, and every subscription whose API
/// key was revoked or disabled, within a sweep interval.
final class UserStreams: Sendable {
    typealias SubscriptionId = UInt64

    /// How often listen keys are checked for expiry and API keys for revocation.
    static let sweepIntervalMilliseconds: Int64 = 1_000

    fileprivate struct Subscription {
        let account: AccountId
        /// The last sequence published when it began: it gets the events of later batches only.
        let after: UInt64
        let listenKey: String?
        /// The API key that made it (a WebSocket API subscription); a listen key's own keys are
        /// its listen key's.
        let apiKey: String?
        let sink: UserEventSink
    }

    fileprivate struct State {
        var subscriptions: [SubscriptionId: Subscription] = [:]
        var byAccount: [AccountId: [SubscriptionId]] = [:]
        var nextId: SubscriptionId = 1
    }

    private let state = Mutex(State())
    private let stopped = Atomic(false)
    private let cursor: RingCursor
    private let catalog: Catalog
    private let listenKeys: ListenKeys
    private let keyIsActive: @Sendable (String) -> Bool
    private let clock: @Sendable () -> Int64

    init(catalog: Catalog, listenKeys: ListenKeys, keyIsActive: @escaping @Sendable (String) -> Bool, cursor: RingCursor,
         clock: @escaping @Sendable () -> Int64 = ServerClock.milliseconds) {
        self.catalog = catalog
        self.listenKeys = listenKeys
        self.keyIsActive = keyIsActive
        self.cursor = cursor
        self.clock = clock
        NamedThread.start("user-streams") { [self] in run() }
    }

    /// Events of `account` from the next published batch on go to `sink`. With a `listenKey`,
    /// the subscription ends when that key expires or is closed; with an `apiKey`, when that key
    /// is revoked or disabled.
    func subscribe(account: AccountId, listenKey: String? = nil, apiKey: String? = nil,
                   sink: UserEventSink) -> SubscriptionId {
        state.withLock { state in
            let id = state.nextId
            state.nextId += 1
            state.subscriptions[id] = Subscription(account: account, after: cursor.publishedSequence, listenKey: listenKey,
                                                  apiKey: apiKey, sink: sink)
            state.byAccount[account, default: []].append(id)
            return id
        }
    }

    /// Ends a subscription without a notice (the client asked, or its connection closed).
    func unsubscribe(_ id: SubscriptionId) {
        state.withLock { _ = $0.remove(id) }
    }

    var subscriptionCount: Int { state.withLock { $0.subscriptions.count } }

    /// Ends the hub's thread (at shutdown, within a sweep interval); nothing is delivered
    /// afterwards.
    func stop() {
        stopped.store(true, ordering: .releasing)
    }

    // MARK: The hub's thread

    private func run() {
        var batches: [CommittedBatch] = []
        // Sweeps keep real time; `clock` only says when a key expires (tests move it by hand).
        var nextSweep = ServerClock.milliseconds() + Self.sweepIntervalMilliseconds
        defer { cursor.detach() }
        while !stopped.load(ordering: .acquiring) {
            let waitMilliseconds = max(0, nextSweep - ServerClock.milliseconds())
            guard cursor.take(into: &batches, timeoutNanoseconds: UInt64(waitMilliseconds) * 1_000_000) else { return }
            render(batches)
            batches.removeAll(keepingCapacity: true)
            if ServerClock.milliseconds() >= nextSweep {
                sweep()
                nextSweep = ServerClock.milliseconds() + Self.sweepIntervalMilliseconds
            }
        }
    }

    /// Renders and delivers the events of the accounts someone listens to.
    private func render(_ batches: [CommittedBatch]) {
        guard !batches.isEmpty, state.withLock({ !$0.subscriptions.isEmpty }) else { return }
        let renderer = UserEventRenderer(catalog.snapshot)
        for batch in batches {
            let listening = state.withLock { state in
                Set(state.subscriptions.values.lazy.filter { $0.after < batch.firstSequence }.map(\.account))
            }
            guard !listening.isEmpty else { continue }
            deliver(renderer.events(of: batch, for: listening.contains), of: batch)
        }
    }

    /// Pushes each event to its account's subscriptions; a sink that refuses is dropped.
    private func deliver(_ events: [UserEvent], of batch: CommittedBatch) {
        guard !events.isEmpty else { return }
        let accounts = Set(events.map(\.account))
        let sinks = state.withLock { state in
            Dictionary(uniqueKeysWithValues: accounts.map { account in
                (account, (state.byAccount[account] ?? []).compactMap { id in
                    state.subscriptions[id].flatMap { $0.after < batch.firstSequence ? (id, $0.sink) : nil }
                })
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

    /// Ends the subscriptions whose listen key is no longer alive (spec §3.5: 60 minutes
    /// without a keep-alive, closed, or every API key that opened it gone) or whose API key was
    /// revoked or disabled, telling each one.
    private func sweep() {
        let now = clock()
        listenKeys.dropOrphans(keyIsActive: keyIsActive)
        let ended = state.withLock { state -> [(Subscription, UserStreamEnding)] in
            let ids = state.subscriptions.compactMap { id, subscription -> (SubscriptionId, UserStreamEnding)? in
                if let key = subscription.listenKey, listenKeys.account(of: key, now: now) != subscription.account {
                    return (id, .listenKeyExpired(key, at: now))
                }
                if let key = subscription.apiKey, !keyIsActive(key) { return (id, .keyRevoked(at: now)) }
                return nil
            }
            return ids.compactMap { id, ending in state.remove(id).map { ($0, ending) } }
        }
        for (subscription, ending) in ended { subscription.sink.ended(ending) }
    }
}

extension UserStreams.State {
    fileprivate mutating func remove(_ id: UserStreams.SubscriptionId) -> UserStreams.Subscription? {
        guard let subscription = subscriptions.removeValue(forKey: id) else { return nil }
        byAccount[subscription.account]?.removeAll { $0 == id }
        if byAccount[subscription.account]?.isEmpty == true { byAccount[subscription.account] = nil }
        return subscription
    }
}
