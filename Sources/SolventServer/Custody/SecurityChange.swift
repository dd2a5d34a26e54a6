import SolventCore
import SolventWire

extension ServerContext {
    /// What can act for `account` changed (a key created or re-enabled, allow-list-only turned
    /// off): its withdrawals lock for the configured time, carried in the command so a replay
    /// locks for what was configured then. Callers lock before they make the change, so a change
    /// never stands without its lock (a failed change after the lock only delays withdrawals).
    func lockWithdrawals(of account: AccountId) async throws(BinanceError) {
        let lock = configuration.custody.securityDelays.withdrawalLock
        let outcome = try await gateway.execute(.securityChanged(account, lock: lock))
        for case .rejected(let rejection) in outcome.events { throw BinanceError(rejection.reason) }
    }

    /// The -4015 answer to a withdrawal the account's lock refused, naming when the lock ends.
    func withdrawalsLockedError(of account: AccountId) async throws(BinanceError) -> BinanceError {
        let until = try await gateway.read { $0.engine.withdrawalProtection(account).lockedUntil }
        return .walletWithdrawalsLocked(until: until)
    }
}
