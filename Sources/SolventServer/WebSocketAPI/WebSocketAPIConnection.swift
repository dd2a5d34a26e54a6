import SolventCore
import Synchronization

/// What one WebSocket API connection remembers between requests: the key it logged on with
/// (`session.logon`), and its user-data subscriptions, numbered from 0 (spec §6.3). Pushes to
/// the client go through `send`, which never waits.
final class WebSocketAPIConnection: Sendable {
    let clientIP: String
    let connectedSince: Int64
    /// Queues one text frame; false once the connection is closing.
    let send: @Sendable ([UInt8]) -> Bool

    struct Subscription: Equatable {
        let id: Int64
        let account: AccountId
        let hub: UserStreams.SubscriptionId
    }

    private struct State {
        var logon: (keyId: String, since: Int64)?
        var subscriptions: [Subscription] = []
        var nextSubscriptionId: Int64 = 0
    }

    private let state = Mutex(State())

    init(clientIP: String, connectedSince: Int64, send: @escaping @Sendable ([UInt8]) -> Bool) {
        self.clientIP = clientIP
        self.connectedSince = connectedSince
        self.send = send
    }

    var logon: (keyId: String, since: Int64)? { state.withLock { $0.logon } }

    func logOn(keyId: String, at time: Int64) { state.withLock { $0.logon = (keyId, time) } }

    func logOut() { state.withLock { $0.logon = nil } }

    var subscriptions: [Subscription] { state.withLock { $0.subscriptions } }

    /// Registers a subscription of `account` made by `attach` (which receives the new id), unless
    /// the account already has one here (`nil`: Binance allows one per account per connection).
    func addSubscription(account: AccountId, attach: (Int64) -> UserStreams.SubscriptionId) -> Int64? {
        state.withLock { state in
            guard !state.subscriptions.contains(where: { $0.account == account }) else { return nil }
            let id = state.nextSubscriptionId
            state.nextSubscriptionId += 1
            state.subscriptions.append(Subscription(id: id, account: account, hub: attach(id)))
            return id
        }
    }

    /// Removes the subscription `id`, or all of them; returns what was removed.
    func removeSubscriptions(_ id: Int64?) -> [Subscription] {
        state.withLock { state in
            let removed = state.subscriptions.filter { id == nil || $0.id == id }
            state.subscriptions.removeAll { id == nil || $0.id == id }
            return removed
        }
    }
}
