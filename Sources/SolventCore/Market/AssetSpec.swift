/// A listed asset: its ticker and how many decimals its smallest unit has.
public struct AssetSpec: Hashable, Sendable {
    public static let defaultScale: Scale = 8
    /// Largest scale accepted: 10^18 is the biggest power of ten an `Int64` holds.
    public static let scaleMax: Scale = 18

    public var name: String
    public var scale: Scale

    public init(name: String, scale: Scale = AssetSpec.defaultScale) {
        self.name = name
        self.scale = scale
    }
}
