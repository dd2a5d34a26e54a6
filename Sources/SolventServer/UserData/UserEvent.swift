import SolventCore

/// One user-data event ready to send: whose it is, which journal record caused it, and its JSON
/// (the bare event; each delivery path wraps it its own way).
struct UserEvent: Sendable {
    let account: AccountId
    /// The sequence of the command that caused it: durable before the event exists.
    let sequence: UInt64
    let json: [UInt8]
}
