import SolventCore

/// The `executionReport` user-data event (spec §6.1): one per order event, every field in
/// Binance's order, from the same `OrderEvent` the REST answers are built from.
public enum ExecutionReportJSON {
    public static func render(_ event: OrderEvent, market: MarketNames, executionId: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 720)
        write(event, market: market, executionId: executionId, to: &writer)
        return writer.finish()
    }

    /// `executionId` is the `I` field ("ignore" in Binance's docs); the server passes the
    /// command's journal sequence, so a report can be traced back to its record.
    public static func write(_ event: OrderEvent, market: MarketNames, executionId: Int64,
                             to writer: inout JSONWriter) {
        let order = event.order
        writer.beginObject()
        writer.field("e", "executionReport")
        writer.field("E", event.time)
        writer.field("s", market.symbol)
        writeClientIds(event, to: &writer)
        writer.field("S", order.side.wireName)
        writer.field("o", order.type.wireName)
        writer.field("f", order.timeInForce.wireName)
        writer.decimalField("q", order.quantity, scale: market.baseScale)
        writer.decimalField("p", order.price, scale: market.priceScale)
        writer.decimalField("P", order.stopPrice, scale: market.priceScale)
        writer.decimalField("F", order.icebergQuantity, scale: market.baseScale)
        writer.field("g", -1)
        writer.field("C", event.execution == .canceled ? order.clientOrderId.description : "")
        writer.field("x", event.execution.wireName)
        writer.field("X", order.status.wireName)
        // Refusals never create an order here (spec §4.2): they are REST/WS-API errors.
        writer.field("r", "NONE")
        writer.field("i", order.id)
        writeExecution(event, market: market, executionId: executionId, to: &writer)
        writer.field("O", order.createdAt)
        writer.decimalField("Z", order.cumulativeQuote, scale: market.quoteScale)
        writer.decimalField("Y", event.fill.quote, scale: market.quoteScale)
        writer.decimalField("Q", order.quoteOrderQuantity, scale: market.quoteScale)
        // Shown once the order works on the book; an untriggered stop has no working time yet.
        if order.workingTime >= 0 { writer.field("W", order.workingTime) }
        writer.field("V", order.selfTradePreventionMode.wireName)
        writeConditionalFields(event, market: market, to: &writer)
        writer.endObject()
    }

    /// `c` is the cancel's own id on a cancel (the order's then moves to `C`), else the order's.
    private static func writeClientIds(_ event: OrderEvent, to writer: inout JSONWriter) {
        let cancelId = event.cancelClientOrderId
        let own = event.execution == .canceled && !cancelId.isEmpty ? cancelId : event.order.clientOrderId
        writer.field("c", own.description)
    }

    /// `l z L n N T t I w m M`: what this execution did. `n` is `"0"` and `N` null when nothing
    /// traded, as Binance sends them.
    private static func writeExecution(_ event: OrderEvent, market: MarketNames, executionId: Int64,
                                       to writer: inout JSONWriter) {
        let order = event.order, fill = event.fill
        let traded = event.execution == .trade
        writer.decimalField("l", fill.quantity, scale: market.baseScale)
        writer.decimalField("z", order.executedQuantity, scale: market.baseScale)
        writer.decimalField("L", fill.price, scale: market.priceScale)
        if traded {
            writer.decimalField("n", fill.commission, scale: market.scale(of: fill.commissionAsset))
            writer.field("N", market.assetName(fill.commissionAsset))
        } else {
            writer.field("n", "0")
            writer.key("N")
            writer.null()
        }
        writer.field("T", event.time)
        writer.field("t", traded ? fill.tradeId : -1)
        writer.field("I", executionId)
        writer.field("w", isOnBook(order))
        writer.field("m", traded && fill.isMaker)
        writer.field("M", false)
    }

    /// On the book: open, working (not waiting for a trigger) and with a limit price to rest at.
    static func isOnBook(_ order: Order) -> Bool {
        order.status.isOpen && !order.isPendingTrigger && order.workingType != .market
    }

    /// Strategy, self-trade prevention and expiry fields, only where they apply (spec §6.1).
    private static func writeConditionalFields(_ event: OrderEvent, market: MarketNames, to writer: inout JSONWriter) {
        let order = event.order
        if order.strategyId != 0 { writer.field("j", order.strategyId) }
        if order.strategyType != 0 { writer.field("J", Int64(order.strategyType)) }
        if event.execution == .tradePrevention {
            let match = event.prevented
            writer.field("v", match.id)
            writer.field("U", match.takerOrderId == order.id ? match.makerOrderId : match.takerOrderId)
            writer.decimalField("B", match.quantity, scale: market.baseScale)
        }
        if order.preventedQuantity > 0 { writer.decimalField("A", order.preventedQuantity, scale: market.baseScale) }
        let expiryReason = order.expiryReason.wireName
        if expiryReason != ExpiryReason.none.wireName { writer.field("eR", expiryReason) }
    }
}
