/// A user's withdrawal to an address on the asset's chain, after the gateway's risk checks.
///
/// `amount` is what leaves the user's balance (held until the withdrawal ends); `fee` is the part
/// of it the exchange keeps for the network fee, so the chain pays out `amount - fee`.
public struct WithdrawalRequest: Hashable, Sendable {
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    public var fee: Amount
    public var address: String
    /// The client's own id (`withdrawOrderId`), empty when none was given.
    public var clientId: String
    /// Above the operator's threshold: held until an operator approves or rejects it.
    public var requiresApproval: Bool

    public init(account: AccountId, asset: AssetId, amount: Amount, fee: Amount, address: String,
                clientId: String = "", requiresApproval: Bool) {
        self.account = account
        self.asset = asset
        self.amount = amount
        self.fee = fee
        self.address = address
        self.clientId = clientId
        self.requiresApproval = requiresApproval
    }
}

/// Where a held withdrawal stands. Confirming needs `approved` or `broadcast`; broadcasting needs
/// `approved`; an operator decides only on `awaitingApproval`.
public enum WithdrawalState: UInt8, CaseIterable, Sendable {
    case awaitingApproval = 0
    case approved = 1
    case broadcast = 2
}

/// Who did a privileged thing and why: every privileged command carries one, and the journal
/// keeps it for ever (the engine checks only that operator and reason are given).
public struct OperatorAction: Hashable, Sendable {
    public var operatorName: String
    public var reason: String
    /// An outside reference, e.g. a court order or ticket id; may be empty.
    public var reference: String

    public init(operatorName: String, reason: String, reference: String = "") {
        self.operatorName = operatorName
        self.reason = reason
        self.reference = reference
    }

    var isComplete: Bool { !operatorName.isEmpty && !reason.isEmpty }
}
