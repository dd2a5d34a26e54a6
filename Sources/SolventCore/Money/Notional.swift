/// The quote value of `quantity` base units at `price`: `price × quantity / 10^baseScale`.
///
/// The product can exceed 64 bits long before the result does (50,000 USDT at scale 8 times
/// 1 BTC at scale 8 is 5e20), so it is formed in 128 bits. Markets are configured so that
/// tick × step is a whole number of quote units (`MarketSpec.validate`), which makes the division
/// exact for every legal price and quantity; `nil` means the result does not fit an `Int64`.
public struct Notional: Sendable {
    /// 10^baseScale of the market's base asset.
    public let baseUnitsPerWhole: Int64

    public init(baseScale: Scale) {
        self.baseUnitsPerWhole = unitsPerWhole(baseScale)
    }

    /// `price × quantity / 10^baseScale`, rounded down; `nil` on overflow.
    @inlinable
    public func value(price: Price, quantity: Quantity) -> QuoteAmount? {
        let (product, overflow) = price.multipliedReportingOverflow(by: quantity)
        if !overflow { return product / baseUnitsPerWhole }
        let wide = Int128(price) * Int128(quantity) / Int128(baseUnitsPerWhole)
        return Int64(exactly: wide)
    }

    /// `price × quantity / 10^baseScale`, rounded up; `nil` on overflow.
    /// Used for a buyer's reservation, which must never fall short of what the fills cost.
    @inlinable
    public func valueRoundedUp(price: Price, quantity: Quantity) -> QuoteAmount? {
        let (product, overflow) = price.multipliedReportingOverflow(by: quantity)
        if !overflow {
            let (whole, rest) = product.quotientAndRemainder(dividingBy: baseUnitsPerWhole)
            return rest > 0 ? whole + 1 : whole
        }
        let (whole, rest) = (Int128(price) * Int128(quantity))
            .quotientAndRemainder(dividingBy: Int128(baseUnitsPerWhole))
        return Int64(exactly: rest > 0 ? whole + 1 : whole)
    }

    /// The largest quantity whose value at `price` does not exceed `budget`:
    /// `floor(budget × 10^baseScale / price)`. Callers round it down to the lot step.
    @inlinable
    public func quantity(affordableWith budget: QuoteAmount, at price: Price) -> Quantity {
        precondition(price > 0 && budget >= 0, "affordable quantity needs a positive price")
        let wide = Int128(budget) * Int128(baseUnitsPerWhole) / Int128(price)
        return Int64(clamping: wide)
    }
}
