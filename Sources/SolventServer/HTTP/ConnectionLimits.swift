/// What an HTTP connection may hold of the server while it sends nothing useful: the clocks a
/// slow client races (slow-loris sends a header a byte at a time; a slow POST dribbles its body)
/// and the number of connections open at once. A WebSocket leaves these behind when it
/// upgrades; `StreamLimits` governs it from then on.
public struct ConnectionLimits: Sendable {
    /// A keep-alive connection that sends no byte for this long after its last answer is closed.
    public var idleSeconds = 60
    /// Once a request's first bytes arrive, its whole head (request line and headers) must follow
    /// within this long.
    public var requestHeadSeconds = 10
    /// Once a request's head has arrived, the rest of its body must follow within this long.
    public var requestBodySeconds = 30
    /// Plain HTTP connections open at once. A connection arriving past it evicts the one idle the
    /// longest, so idle sockets cannot lock out a client that wants to trade; when none is idle
    /// (every one is mid-request) the newcomer is closed instead.
    public var openMax = 8_192
    /// Connections the kernel may queue before they are accepted (capped by the kernel's
    /// `net.core.somaxconn`). A burst past it has its handshakes dropped and retried a second
    /// later, so a flood of connections would delay honest clients by seconds.
    public var acceptBacklog = 4_096

    public init() {}

    /// Each clock at least a second (a zero would close every connection at once) and room for
    /// at least one connection.
    func validate() throws {
        for (name, seconds) in [("idleSeconds", idleSeconds), ("requestHeadSeconds", requestHeadSeconds),
                                ("requestBodySeconds", requestBodySeconds)] where !(1...86_400).contains(seconds) {
            throw ServerError("connections.\(name) must be 1...86400 seconds, not \(seconds)")
        }
        guard openMax >= 1 else { throw ServerError("connections.openMax must be at least 1, not \(openMax)") }
    }
}
