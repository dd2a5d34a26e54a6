/// Keep-priority amend: an open order's quantity may go down (never up) without losing its place.
extension Engine {
    mutating func amendOrder(_ request: AmendOrder) {
        if let problem = amendProblem(request) { return reject(problem, stage: .command) }
        let m = Int(request.market)
        guard var order = findOpenOrder(request.order, request.account, m) else {
            return reject(.unknownOrder, stage: .command)
        }
        let untouchable = order.executedQuantity + order.preventedQuantity
        guard request.newQuantity > untouchable, request.newQuantity < order.quantity, !order.isQuoteOrder else {
            return reject(.invalidAmendQuantity, stage: .command)
        }
        // Only the step applies: a partly filled order may legitimately shrink below the minimum.
        guard request.newQuantity % markets[m].spec.filters.lotSize.stepSize == 0 else {
            return reject(.filterFailure(.lotSize), stage: .command)
        }
        let shrink = order.quantity - request.newQuantity
        order.quantity = request.newQuantity
        order.visibleQuantity = min(order.visibleQuantity, order.remainingQuantity)
        order.updatedAt = now
        let freed = reservationShrink(of: order, by: shrink, m)
        order.reserved -= freed
        ledger.unlock(order.account, reservedAsset(order.side, m), freed)
        touch(order.account, reservedAsset(order.side, m))
        let amended = order
        if markets[m].book.update(order.id, { $0 = amended }) == nil {
            markets[m].stops.replace(amended)
        }
        emit(.replaced, order)
    }

    private func amendProblem(_ request: AmendOrder) -> RejectReason? {
        if let problem = cancelProblem(request.account, request.market) { return problem }
        let spec = markets[Int(request.market)].spec
        guard spec.status.acceptsNewOrders else { return .marketClosed }
        guard spec.amendAllowed else { return .amendNotSupported }
        guard request.newQuantity > 0 else { return .invalidQuantity }
        return nil
    }
}
