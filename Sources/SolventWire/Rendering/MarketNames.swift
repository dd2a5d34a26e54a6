import SolventCore

/// What a renderer needs to know about a market besides the values it prints: the names the
/// core keeps as numbers, and the scales that turn its integers into decimal text.
///
/// Quantities are base units (`baseScale` digits); prices and quote amounts are quote units
/// (`quoteScale` digits), because a price counts quote units per whole base unit.
public struct MarketNames: Sendable, Hashable {
    public var symbol: String
    public var baseAsset: String
    public var quoteAsset: String
    public var baseAssetId: AssetId
    public var quoteAssetId: AssetId
    public var baseScale: Scale
    public var quoteScale: Scale

    public init(symbol: String, baseAsset: String, baseScale: Scale, quoteAsset: String, quoteScale: Scale,
                baseAssetId: AssetId = 0, quoteAssetId: AssetId = 1) {
        precondition(baseScale <= AssetSpec.scaleMax && quoteScale <= AssetSpec.scaleMax, "scale beyond Int64")
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
        self.baseAssetId = baseAssetId
        self.quoteAssetId = quoteAssetId
        self.baseScale = baseScale
        self.quoteScale = quoteScale
    }

    public init(spec: MarketSpec, base: AssetSpec, quote: AssetSpec) {
        self.init(symbol: spec.symbol, baseAsset: base.name, baseScale: base.scale,
                  quoteAsset: quote.name, quoteScale: quote.scale,
                  baseAssetId: spec.base, quoteAssetId: spec.quote)
    }

    /// Scale of prices: quote units per whole base unit.
    public var priceScale: Scale { quoteScale }

    /// Name of `asset`, which must be this market's base or quote (commission is charged in the
    /// asset received, one of the two).
    public func assetName(_ asset: AssetId) -> String {
        assert(asset == baseAssetId || asset == quoteAssetId, "asset \(asset) is not in market \(symbol)")
        return asset == baseAssetId ? baseAsset : quoteAsset
    }

    /// Scale of `asset`, one of the market's two.
    public func scale(of asset: AssetId) -> Scale {
        assert(asset == baseAssetId || asset == quoteAssetId, "asset \(asset) is not in market \(symbol)")
        return asset == baseAssetId ? baseScale : quoteScale
    }
}
