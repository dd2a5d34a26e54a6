import SolventCore

/// How much of an order shows on the book after a command, from the last event the command
/// reported for it. The engine reports an order before a few changes it makes without another
/// event, and these rules replay them (see `Engine.work`, `rest` and `putBack`):
/// - a new or taking order that rests shows its remaining quantity, or one iceberg tranche;
/// - a resting (maker) iceberg whose tranche a fill or a prevention emptied shows a fresh one;
/// - otherwise a resting order shows what its event says is visible.
enum RestingQuantity {
    static func after(_ event: OrderEvent) -> Quantity {
        let order = event.order
        guard order.status.isOpen, !order.isPendingTrigger,
              order.workingType == .limit || order.workingType == .limitMaker else { return 0 }
        let remaining = order.remainingQuantity
        guard remaining > 0 else { return 0 }
        guard order.icebergQuantity > 0 else { return remaining }
        let tranche = min(order.icebergQuantity, remaining)
        if isResting(event) {
            return order.visibleQuantity == 0 ? tranche : min(order.visibleQuantity, remaining)
        }
        return tranche
    }

    /// Whether the event saw the order on the book (a maker, or an amend), as opposed to on
    /// its way in (its `NEW`, its own taking).
    private static func isResting(_ event: OrderEvent) -> Bool {
        switch event.execution {
        case .trade: event.fill.isMaker
        case .tradePrevention: event.prevented.makerOrderId == event.order.id
        case .replaced: true
        default: false
        }
    }
}
