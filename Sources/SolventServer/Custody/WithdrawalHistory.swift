import SolventCore
import SolventCustody
import SolventStore
import SolventWire

/// `capital/withdraw/history`: the withdrawals in flight from the exchange's state (with their
/// address and transaction), the finished ones from the ledger history (amounts, times, outcome;
/// their address and transaction are not in the history store yet, so they show empty).
enum WithdrawalHistory {
    static func reply(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let coin = try parameters["coin"].map { (name: String) throws(BinanceError) in try WalletEndpoints.asset(name, context) }
        let ids = parameters["idList"].map { Set($0.split(separator: ",").map(String.init)) }
        let limit = try parameters.limit(default: 1_000, max: 1_000)
        let account = request.caller
        let pending = try await context.gateway.read { exchange in
            exchange.engine.pendingWithdrawals.filter { $0.value.account == account }
        }
        await context.historyCaughtUp()
        let steps = try storeQuery {
            try context.history.store.ledgerEntries(account: account, asset: coin?.id, startTime: nil, endTime: nil,
                                                    limit: historyQueryLimitMax)
        }
        let assets = WalletEndpoints.listed(context)
        var transfers: [Int64: WalletJSON.Transfer] = [:]
        for step in steps where step.withdrawal != 0 && Int(step.asset) < assets.count {
            let spec = assets[Int(step.asset)].spec
            switch step.kind {
            case .withdrawalRequested:
                transfers[step.withdrawal] = WalletJSON.Transfer(
                    id: step.withdrawal, asset: spec, network: CustodySettings.network(of: spec.name), amount: step.amount,
                    status: 4, address: "", txid: "", time: step.time, completeTime: nil)
            case .withdrawalConfirmed:
                transfers[step.withdrawal]?.status = 6
                transfers[step.withdrawal]?.completeTime = step.time
            case .withdrawalReleased:
                transfers[step.withdrawal]?.status = 5
            case .deposit:
                break
            }
        }
        for (id, withdrawal) in pending where transfers[id] != nil {
            transfers[id]?.address = withdrawal.destination
            transfers[id]?.txid = withdrawal.txid
            transfers[id]?.fee = withdrawal.fee
            transfers[id]?.status = withdrawal.state == .awaitingApproval ? 2 : 4
        }
        let listed = transfers.values.filter { ids?.contains(WalletJSON.withdrawalIdText($0.id)) ?? true }
            .sorted { ($0.time, $0.id) > ($1.time, $1.id) }
        return Reply(WalletJSON.withdrawals(Array(listed.prefix(limit))))
    }
}
