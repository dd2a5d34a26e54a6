/// One asset's line of the solvency statement: what the exchange owes (the tree's root sum) and
/// what it claims to hold. Integer arithmetic only; the ratio is printed rounded down, so
/// 99.999 % shows as 99.99 %, never as 100 %.
public struct AssetSolvency: Hashable, Sendable {
    public let asset: ProofAsset
    public let liabilities: UInt128
    public let reserves: UInt128

    public init(asset: ProofAsset, liabilities: UInt128, reserves: UInt128) {
        self.asset = asset
        self.liabilities = liabilities
        self.reserves = reserves
    }

    public var isSolvent: Bool { reserves >= liabilities }

    /// ⌊reserves × 10,000 / liabilities⌋ (basis points); nil when nothing is owed or the ratio
    /// exceeds 2^128 basis points.
    public var ratioBasisPoints: UInt128? {
        guard liabilities > 0 else { return nil }
        let product = reserves.multipliedFullWidth(by: 10_000)
        guard product.high < liabilities else { return nil }
        return liabilities.dividingFullWidth(product).quotient
    }

    /// `"104.21%"`, or a word when there is no finite ratio to print.
    public var ratioText: String {
        guard let points = ratioBasisPoints else { return liabilities == 0 ? "no liabilities" : "over 10^34 %" }
        let hundredths = points % 100
        return "\(points / 100).\(hundredths < 10 ? "0" : "")\(hundredths)%"
    }
}

extension EpochHeader {
    /// Reserves against liabilities, per asset, in the header's asset order.
    public var solvency: [AssetSolvency] {
        assets.indices.map { AssetSolvency(asset: assets[$0], liabilities: rootSums[$0], reserves: reserves[$0]) }
    }
}
