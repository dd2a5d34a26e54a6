import SolventCore
import SolventWire

/// Where one subscription's events go: a connection's outbox, behind closures so that the hub
/// knows nothing of sockets. Both are called from the hub's thread and must not wait.
struct UserEventSink: Sendable {
    /// Queues one event; false when the receiver is gone (closed, or cut off as a slow
    /// consumer), which ends the subscription.
    let deliver: @Sendable (UserEvent) -> Bool
    /// The server ended the subscription; the receiver sends the notice its path calls for.
    let ended: @Sendable (UserStreamEnding) -> Void
}

/// Why the server ended a subscription.
enum UserStreamEnding: Sendable, Equatable {
    /// The listen key expired or was closed (legacy path: `listenKeyExpired`).
    case listenKeyExpired(String, at: Int64)
    /// The API key that made the subscription was revoked or disabled.
    case keyRevoked(at: Int64)
}
