import SolventCore
import SolventWire

/// The operator's custody surface: pending withdrawals, approve or reject one, freeze or unfreeze
/// an account. Every change is a journaled command naming the operator, the reason and, when
/// given, a reference (a ticket, a court order).
enum CustodyAdminEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.pendingWithdrawals) { _ throws(BinanceError) in
                let assets = context.catalog.snapshot.assets
                let pending = try await context.gateway.read { $0.engine.pendingWithdrawals }
                let listed = pending.sorted { $0.key < $1.key }.compactMap { id, withdrawal in
                    Int(withdrawal.asset) < assets.count ? (id, withdrawal, assets[Int(withdrawal.asset)]) : nil
                }
                return Reply(PendingWithdrawalsJSON.render(listed))
            },
            Endpoint(.approveWithdrawal) { request throws(BinanceError) in
                try await run(.approveWithdrawal(try withdrawal(request), try action(request)), context)
            },
            Endpoint(.rejectWithdrawal) { request throws(BinanceError) in
                try await run(.rejectWithdrawal(try withdrawal(request), try action(request)), context)
            },
            Endpoint(.freezeAccount) { request throws(BinanceError) in
                try await run(.freezeAccount(try AdminEndpoints.accountParameter(request), try action(request)), context)
            },
            Endpoint(.unfreezeAccount) { request throws(BinanceError) in
                try await run(.unfreezeAccount(try AdminEndpoints.accountParameter(request), try action(request)), context)
            },
            Endpoint(.setWithdrawalLimits) { request throws(BinanceError) in
                let asset = try WalletEndpoints.asset(try request.parameters.required("asset"), context)
                let scale = asset.spec.scale
                let limits = WithdrawalLimits(perAccount: try request.parameters.decimal("perAccount", scale: scale) ?? .max,
                                              perAsset: try request.parameters.decimal("perAsset", scale: scale) ?? .max)
                return try await run(.setWithdrawalLimits(asset.id, limits, try action(request)), context)
            },
        ]
    }

    private static func withdrawal(_ request: APIRequest) throws(BinanceError) -> WithdrawalId {
        guard let id = try request.parameters.int64("withdrawal"), id > 0 else { throw .mandatoryParameter("withdrawal") }
        return id
    }

    /// Who and why: both required.
    static func action(_ request: APIRequest) throws(BinanceError) -> OperatorAction {
        let action = OperatorAction(operatorName: try request.parameters.required("operator"),
                                    reason: try request.parameters.required("reason"),
                                    reference: request.parameters["reference"] ?? "")
        guard Command.freezeAccount(0, action).isBinaryEncodable else { throw .invalidParameter("reason") }
        return action
    }

    static func run(_ command: Command, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let outcome = try await context.gateway.execute(command)
        for case .rejected(let rejection) in outcome.events { throw BinanceError(rejection.reason) }
        return .empty
    }
}
