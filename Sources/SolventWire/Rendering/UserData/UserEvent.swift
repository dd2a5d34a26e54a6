import SolventCore

/// One user-data event ready to send: whose it is, which journal record caused it, and its JSON
/// (the bare event; each delivery path wraps it its own way).
public struct UserEvent: Sendable {
    public let account: AccountId
    /// The sequence of the command that caused it: durable before the event exists.
    public let sequence: UInt64
    public let json: [UInt8]

    public init(account: AccountId, sequence: UInt64, json: [UInt8]) {
        self.account = account
        self.sequence = sequence
        self.json = json
    }
}
