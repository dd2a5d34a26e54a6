import SolventCore

extension JSONWriter {
    /// The fields Binance adds to an order only when they apply (spec §3.3): the stop and
    /// iceberg (unless the shape always has them), strategy, self-trade prevention, expiry.
    mutating func orderConditionalFields(_ order: Order, preventedMatchId: Int64?, market: MarketNames,
                                         stopAndIcebergAlwaysShown: Bool) {
        if !stopAndIcebergAlwaysShown {
            if order.type.isConditional { decimalField("stopPrice", order.stopPrice, scale: market.priceScale) }
            if order.icebergQuantity > 0 { decimalField("icebergQty", order.icebergQuantity, scale: market.baseScale) }
        }
        if order.strategyId != 0 { field("strategyId", order.strategyId) }
        if order.strategyType != 0 { field("strategyType", Int64(order.strategyType)) }
        if let preventedMatchId { field("preventedMatchId", preventedMatchId) }
        if order.preventedQuantity > 0 {
            decimalField("preventedQuantity", order.preventedQuantity, scale: market.baseScale)
        }
        // Only a real reason is shown; Binance has none for an expiry by self-trade prevention.
        let expiryReason = order.expiryReason.wireName
        if expiryReason != ExpiryReason.none.wireName { field("expiryReason", expiryReason) }
    }

    /// `"orderListId":-1`: no order here belongs to a list (order lists are not offered yet).
    mutating func orderListIdField() {
        field("orderListId", -1)
    }
}
