import SolventCore

/// `GET /admin/v1/withdrawals`: every withdrawal still held, oldest first, with its state.
public enum PendingWithdrawalsJSON {
    public static func render(_ withdrawals: [(id: WithdrawalId, withdrawal: PendingWithdrawal, asset: AssetSpec)]) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 * max(1, withdrawals.count))
        writer.array { writer in
            for (id, withdrawal, asset) in withdrawals {
                writer.object { writer in
                    writer.field("withdrawal", id)
                    writer.field("account", Int64(withdrawal.account))
                    writer.field("asset", asset.name)
                    writer.decimalField("amount", withdrawal.amount, scale: asset.scale)
                    writer.decimalField("fee", withdrawal.fee, scale: asset.scale)
                    writer.field("address", withdrawal.destination)
                    writer.field("state", name(withdrawal.state))
                    writer.field("txId", withdrawal.txid)
                }
            }
        }
        return writer.finish()
    }

    static func name(_ state: WithdrawalState) -> String {
        switch state {
        case .awaitingApproval: "AWAITING_APPROVAL"
        case .approved: "APPROVED"
        case .broadcast: "BROADCAST"
        }
    }
}
