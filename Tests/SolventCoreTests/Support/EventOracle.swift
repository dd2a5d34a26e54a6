@testable import SolventCore

/// Checks that need no second engine: every order's life is a legal sequence of states, and every
/// trade and order report is self-consistent. Returns what is wrong with a command's events.
struct EventOracle {
    private var statuses: [OrderId: OrderStatus] = [:]

    mutating func problems(in events: [Event], for command: Command) -> [String] {
        var problems: [String] = []
        for event in events {
            switch event {
            case .order(let report): check(report, command, &problems)
            case .trade(let trade): check(trade, &problems)
            default: break
            }
        }
        return problems
    }

    private mutating func check(_ report: OrderEvent, _ command: Command, _ problems: inout [String]) {
        let order = report.order
        if let previous = statuses[order.id] {
            if !previous.canBecome(order.status) && !(previous == order.status && previous.isOpen) {
                problems.append("order \(order.id): \(previous) → \(order.status) is not a legal transition")
            }
            if !previous.isOpen { problems.append("order \(order.id) reported again after ending \(previous)") }
        } else if report.execution != .new || order.status != .new {
            problems.append("order \(order.id) first reported as \(report.execution)/\(order.status)")
        }
        statuses[order.id] = order.status
        if order.executedQuantity < 0 || order.cumulativeQuote < 0 || order.preventedQuantity < 0 {
            problems.append("order \(order.id) has negative figures")
        }
        if report.execution == .trade {
            if report.fill.quantity <= 0 || report.fill.commission < 0 || report.fill.commission > report.fill.quantity + report.fill.quote {
                problems.append("order \(order.id): bad fill \(report.fill)")
            }
            if !report.fill.isMaker && !order.crosses(report.fill.price) {
                problems.append("order \(order.id) took at \(report.fill.price) beyond its limit \(order.price)")
            }
            if order.type == .limitMaker && !report.fill.isMaker {
                problems.append("LIMIT_MAKER order \(order.id) took liquidity")
            }
        }
        if order.timeInForce == .fok && !order.status.isOpen && order.status != .filled && order.executedQuantity > 0
            && order.status != .expiredInMatch {
            problems.append("FOK order \(order.id) ended \(order.status) after partly filling")
        }
        if order.status.isOpen && !order.isPendingTrigger && order.workingType == .market {
            // A MARKET order is never left working after its command; checked by the book invariants,
            // here only that it never claims to rest.
            if case .placeOrder = command, report.execution == .new { return }
        }
    }

    private func check(_ trade: Trade, _ problems: inout [String]) {
        if trade.quantity <= 0 || trade.price <= 0 || trade.quote <= 0 {
            problems.append("trade \(trade.id) on market \(trade.market) has non-positive figures")
        }
        if trade.buyerOrderId == trade.sellerOrderId {
            problems.append("trade \(trade.id) matched an order with itself")
        }
    }
}
