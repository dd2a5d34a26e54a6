/// Seam for user data streams (listen keys, spec §6.2): the market stream service asks the
/// resolver about every name it subscribes that is not a market stream, on `/ws/<name>`, in
/// `/stream?streams=` and in `SUBSCRIBE`. The user-data side implements it and pushes events
/// with `StreamSubscriber.deliver(_:stream:)`.
public protocol UserStreamResolving: Sendable {
    /// Attaches `subscriber` to the user stream `name` when it is one (a live listen key) and
    /// returns the handle that detaches it; nil when `name` is no user stream, which then
    /// carries no data (spec §5.1: unknown names are tolerated).
    func attach(_ name: String, to subscriber: StreamSubscriber) -> (any UserStreamAttachment)?
}

/// A subscriber's hold on one user stream; `detach` is called on UNSUBSCRIBE and on close.
public protocol UserStreamAttachment: Sendable {
    func detach()
}

/// The resolver that knows no user streams.
public struct NoUserStreams: UserStreamResolving {
    public init() {}

    public func attach(_ name: String, to subscriber: StreamSubscriber) -> (any UserStreamAttachment)? { nil }
}
