import SolventCore

/// A market's filters as `exchangeInfo.symbols[].filters` shows them (spec §3.6): every bound a
/// decimal string at the scale of what it bounds (prices at the quote scale, quantities at the
/// base scale), in the order Binance lists them.
enum FilterJSON {
    static func writeAll(_ filters: MarketFilters, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginArray()
        writePrice(filters.price, market: market, to: &writer)
        writeLot("LOT_SIZE", filters.lotSize, market: market, to: &writer)
        if filters.icebergPartsLimit > 0 {
            writer.object {
                $0.field("filterType", "ICEBERG_PARTS")
                $0.field("limit", Int64(filters.icebergPartsLimit))
            }
        }
        if let marketLot = filters.marketLotSize { writeLot("MARKET_LOT_SIZE", marketLot, market: market, to: &writer) }
        if let percent = filters.percentPriceBySide { writePercentPrice(percent, to: &writer) }
        if let notional = filters.notional {
            writeNotional(notional, legacy: filters.isLegacyMinNotional, market: market, to: &writer)
        }
        if filters.maxNumOrders > 0 {
            writer.object {
                $0.field("filterType", "MAX_NUM_ORDERS")
                $0.field("maxNumOrders", Int64(filters.maxNumOrders))
            }
        }
        writer.endArray()
    }

    private static func writePrice(_ filter: PriceFilter, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("filterType", "PRICE_FILTER")
        writer.decimalField("minPrice", filter.minPrice, scale: market.priceScale)
        writer.decimalField("maxPrice", filter.maxPrice, scale: market.priceScale)
        writer.decimalField("tickSize", filter.tickSize, scale: market.priceScale)
        writer.endObject()
    }

    private static func writeLot(_ type: String, _ filter: LotSizeFilter, market: MarketNames,
                                 to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("filterType", type)
        writer.decimalField("minQty", filter.minQuantity, scale: market.baseScale)
        writer.decimalField("maxQty", filter.maxQuantity, scale: market.baseScale)
        writer.decimalField("stepSize", filter.stepSize, scale: market.baseScale)
        writer.endObject()
    }

    private static func writePercentPrice(_ filter: PercentPriceBySideFilter, to writer: inout JSONWriter) {
        let scale = PercentPriceBySideFilter.multiplierScale
        writer.beginObject()
        writer.field("filterType", "PERCENT_PRICE_BY_SIDE")
        writer.decimalField("bidMultiplierUp", filter.bidMultiplierUp, scale: scale)
        writer.decimalField("bidMultiplierDown", filter.bidMultiplierDown, scale: scale)
        writer.decimalField("askMultiplierUp", filter.askMultiplierUp, scale: scale)
        writer.decimalField("askMultiplierDown", filter.askMultiplierDown, scale: scale)
        writer.field("avgPriceMins", Int64(filter.averagePriceMinutes))
        writer.endObject()
    }

    /// `NOTIONAL`, or the older `MIN_NOTIONAL` (no maximum, one market flag) when so configured.
    /// A zero maximum means none; it is shown as the largest amount the engine can represent,
    /// since a client reading `"maxNotional":"0.00000000"` would think no order fits.
    private static func writeNotional(_ filter: NotionalFilter, legacy: Bool, market: MarketNames,
                                      to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("filterType", legacy ? "MIN_NOTIONAL" : "NOTIONAL")
        writer.decimalField("minNotional", filter.minNotional, scale: market.quoteScale)
        if legacy {
            writer.field("applyToMarket", filter.applyMinToMarket)
        } else {
            writer.field("applyMinToMarket", filter.applyMinToMarket)
            let maximum = filter.maxNotional > 0 ? filter.maxNotional : Int64.max
            writer.decimalField("maxNotional", maximum, scale: market.quoteScale)
            writer.field("applyMaxToMarket", filter.applyMaxToMarket)
        }
        writer.field("avgPriceMins", Int64(filter.averagePriceMinutes))
        writer.endObject()
    }
}
