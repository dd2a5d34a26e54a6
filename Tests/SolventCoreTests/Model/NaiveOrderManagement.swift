@testable import SolventCore

/// Cancel, cancel-all, cancel-replace and keep-priority amend (spec §3.3).
extension NaiveExchange {
    private func cancelProblem(_ account: AccountId, _ market: MarketId) -> RejectReason? {
        guard Int(account) < accounts.count else { return .unknownAccount }
        guard Int(market) < markets.count else { return .unknownSymbol }
        guard accounts[Int(account)].canTrade, !accounts[Int(account)].frozen else { return .tradingDisabled }
        guard markets[Int(market)].spec.status != .breakStatus else { return .marketClosed }
        return nil
    }

    /// The account's open order on `market` the reference names; with both ids, they must agree.
    private func find(_ reference: OrderReference, _ account: AccountId, _ market: MarketId) -> Int? {
        let byClientId = reference.clientOrderId.isEmpty ? nil : open.first {
            $0.order.account == account && $0.order.clientOrderId == reference.clientOrderId
        }?.order.id
        guard let id = reference.orderId ?? byClientId else { return nil }
        if !reference.clientOrderId.isEmpty && byClientId != id { return nil }
        return open.firstIndex { $0.order.id == id && $0.order.market == market && $0.order.account == account }
    }

    mutating func cancel(_ request: CancelOrder, stage: Rejection.Stage) -> Bool {
        if let problem = cancelProblem(request.account, request.market) {
            reject(problem, stage: stage)
            return false
        }
        guard let at = find(request.order, request.account, request.market) else {
            reject(.unknownOrder, stage: stage)
            return false
        }
        let status = open[at].order.status
        if (request.restriction == .onlyNew && status != .new)
            || (request.restriction == .onlyPartiallyFilled && status != .partiallyFilled) {
            reject(.cancelRestrictionsNotMet, stage: stage)
            return false
        }
        var order = open.remove(at: at).order
        end(&order, .canceled, canceledBy: request.cancelClientOrderId)
        return true
    }

    mutating func cancelAll(_ account: AccountId, _ market: MarketId) {
        if let problem = cancelProblem(account, market) { return reject(problem) }
        let ids = open.filter { $0.order.account == account && $0.order.market == market }.map(\.order.id).sorted()
        guard !ids.isEmpty else { return reject(.unknownOrder) }
        for id in ids {
            var order = open.remove(at: index(of: id)!).order
            end(&order, .canceled)
        }
    }

    mutating func cancelReplace(_ request: CancelReplace) {
        guard request.replacement.market == request.cancel.market, request.replacement.account == request.cancel.account
        else { return reject(.unsupportedOrderComposition) }
        guard Int(request.cancel.market) < markets.count else { return reject(.unknownSymbol) }
        guard markets[Int(request.cancel.market)].spec.cancelReplaceAllowed else { return reject(.cancelReplaceNotSupported) }
        if cancel(request.cancel, stage: .cancel) || request.mode == .allowFailure {
            _ = place(request.replacement, stage: .newOrder)
        }
    }

    mutating func amend(_ request: AmendOrder) {
        if let problem = cancelProblem(request.account, request.market) { return reject(problem) }
        let spec = markets[Int(request.market)].spec
        guard spec.status == .trading else { return reject(.marketClosed) }
        guard spec.amendAllowed else { return reject(.amendNotSupported) }
        guard request.newQuantity > 0 else { return reject(.invalidQuantity) }
        guard let at = find(request.order, request.account, request.market) else { return reject(.unknownOrder) }
        var order = open[at].order
        // Only down, never to or below what has already executed (or been prevented).
        guard request.newQuantity > order.executedQuantity + order.preventedQuantity,
              request.newQuantity < order.quantity, order.quoteOrderQuantity == 0
        else { return reject(.invalidAmendQuantity) }
        guard request.newQuantity % spec.filters.lotSize.stepSize == 0 else { return reject(.filterFailure(.lotSize)) }
        let shrink = order.quantity - request.newQuantity
        order.quantity = request.newQuantity
        order.visibleQuantity = min(order.visibleQuantity, order.remainingQuantity)
        order.updatedAt = now
        unlockExcess(&order, shrunkBy: shrink, Int(request.market))
        open[at].order = order  // keeps its place
        report(.replaced, order)
    }
}
