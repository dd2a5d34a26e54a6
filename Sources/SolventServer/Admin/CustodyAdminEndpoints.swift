import SolventCore
import SolventWire

/// The operator's custody surface: pending withdrawals, approve or reject one, freeze or unfreeze
/// an account, allow-list-only withdrawals on or off (at the user's request: Binance has no public
/// endpoint for it). Every change is a journaled command naming the operator, the reason and,
/// when given, a reference (a ticket, a court order).
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
            Endpoint(.custodyStatus) { _ throws(BinanceError) in
                let statuses = context.custody?.hotWalletStatuses ?? []
                return Reply(HotWalletJSON.render(statuses.map { status in
                    HotWalletJSON.Row(asset: status.symbol, scale: status.scale, hotBalance: status.hotBalance,
                                      floor: status.floor, ceiling: status.ceiling, needsRefill: status.needsRefill,
                                      queued: status.queued, incidents: status.incidents, failure: status.failure,
                                      checkedAt: status.checkedAt)
                }))
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
            Endpoint(.setAllowListOnly) { request throws(BinanceError) in
                let account = try AdminEndpoints.accountParameter(request)
                guard let enabled = try request.parameters.bool("enabled") else { throw .mandatoryParameter("enabled") }
                let action = try action(request)
                // Off, any address will do again: a security change, locked before it is made.
                if !enabled { try await context.lockWithdrawals(of: account) }
                return try await run(.setAllowListOnly(account, enabled, action), context)
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
