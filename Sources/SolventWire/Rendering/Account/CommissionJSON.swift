import SolventCore

/// Commission rates as `order/test?computeCommissionRates=true` and `account/commission` show
/// them: decimal rates (10 basis points → "0.00100000"); no tax and no discount here.
public enum CommissionJSON {
    public static func orderTest(_ fees: FeeSchedule) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.object { writer in
            writer.key("standardCommissionForOrder")
            writer.object { rates(&$0, maker: fees.makerBasisPoints, taker: fees.takerBasisPoints) }
            writer.key("specialCommissionForOrder")
            writer.object { rates(&$0, maker: 0, taker: 0) }
            writer.key("taxCommissionForOrder")
            writer.object { rates(&$0, maker: 0, taker: 0) }
            writer.key("discount")
            writer.object(discount)
        }
        return writer.finish()
    }

    public static func account(_ fees: FeeSchedule, symbol: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.object { writer in
            writer.field("symbol", symbol)
            writer.key("standardCommission")
            writer.object { writer in
                rates(&writer, maker: fees.makerBasisPoints, taker: fees.takerBasisPoints)
                writer.decimalField("buyer", 0, scale: 8)
                writer.decimalField("seller", 0, scale: 8)
            }
            writer.key("specialCommission")
            writer.object { writer in
                rates(&writer, maker: 0, taker: 0)
                writer.decimalField("buyer", 0, scale: 8)
                writer.decimalField("seller", 0, scale: 8)
            }
            writer.key("taxCommission")
            writer.object { writer in
                rates(&writer, maker: 0, taker: 0)
                writer.decimalField("buyer", 0, scale: 8)
                writer.decimalField("seller", 0, scale: 8)
            }
            writer.key("discount")
            writer.object(discount)
        }
        return writer.finish()
    }

    /// Basis points as a rate with 8 decimals: 1 bp = 0.0001 = 10,000 units.
    private static func rates(_ writer: inout JSONWriter, maker: Int32, taker: Int32) {
        writer.decimalField("maker", Int64(maker) * 10_000, scale: 8)
        writer.decimalField("taker", Int64(taker) * 10_000, scale: 8)
    }

    private static func discount(_ writer: inout JSONWriter) {
        writer.field("enabledForAccount", false)
        writer.field("enabledForSymbol", false)
        writer.field("discountAsset", "BNB")
        writer.decimalField("discount", 0, scale: 8)
    }
}
