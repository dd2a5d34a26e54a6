import SolventCore

/// What one signed caller may do on one symbol under the rulings of its jurisdiction: the sides
/// it may place and the stricter standing of the symbol's two assets there. Only a signed (or
/// keyed) `exchangeInfo` carries it; the public answer has no such keys.
public struct SymbolPermission: Sendable, Hashable {
    public var buyAllowed: Bool
    public var sellAllowed: Bool
    public var standing: AssetStanding

    public init(buyAllowed: Bool, sellAllowed: Bool, standing: AssetStanding) {
        self.buyAllowed = buyAllowed
        self.sellAllowed = sellAllowed
        self.standing = standing
    }

    /// `isSpotTradingAllowed` (false when neither side may trade), then Solvent's two keys:
    /// `allowedOrderSides` and `jurisdictionStatus`.
    func write(to writer: inout JSONWriter) {
        writer.key("allowedOrderSides")
        writer.array { writer in
            if buyAllowed { writer.string("BUY") }
            if sellAllowed { writer.string("SELL") }
        }
        writer.field("jurisdictionStatus", standing.wireName)
    }
}
