import SolventCore
import SolventWire

extension ServerContext {
    /// The account's fee schedule as the engine holds it.
    func fees(of account: AccountId) async throws(BinanceError) -> FeeSchedule {
        try await gateway.read { exchange in
            let accounts = exchange.engine.ledger.accounts
            return Int(account) < accounts.count ? accounts[Int(account)].fees : FeeSchedule.standard
        }
    }
}
