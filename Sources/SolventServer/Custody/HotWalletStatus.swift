import SolventCore

/// What the operator is told of one asset's hot wallet after each custody pass: its balance
/// against its floor and ceiling, the withdrawals waiting for it to be refilled, and what the
/// pass ran into. On the admin surface (`GET /admin/v1/custody`, `solvent admin custody`) and,
/// as counts, in `/metrics`.
struct HotWalletStatus: Sendable {
    var symbol: String
    var scale: Scale
    /// Nil until a pass has read it (or when the chain did not answer).
    var hotBalance: Amount?
    var floor: Amount
    var ceiling: Amount?
    /// Withdrawals the hot wallet could not pay without going below its floor.
    var queued: [WithdrawalId] = []
    var incidents: [String] = []
    /// The chain's failure, when the pass did not finish.
    var failure: String?
    /// When the pass ended (ms).
    var checkedAt: Timestamp

    /// The operator must act: withdrawals wait, or the balance is below the floor.
    var needsRefill: Bool { !queued.isEmpty || (hotBalance.map { $0 < floor } ?? false) }
}
