/// Commission rates in basis points (1 bp = 0.01 %), charged in the asset the side receives.
public struct FeeSchedule: Hashable, Sendable {
    /// Rates above 100 % would take more than the trade gives.
    public static let rateMax: Int32 = 10_000
    /// Binance's default tier: 0.1 % maker and taker.
    public static let standard = FeeSchedule(makerBasisPoints: 10, takerBasisPoints: 10)

    public var makerBasisPoints: Int32
    public var takerBasisPoints: Int32

    public init(makerBasisPoints: Int32, takerBasisPoints: Int32) {
        self.makerBasisPoints = makerBasisPoints
        self.takerBasisPoints = takerBasisPoints
    }

    public var isValid: Bool {
        (0...Self.rateMax).contains(makerBasisPoints) && (0...Self.rateMax).contains(takerBasisPoints)
    }

    /// Commission on `received` units: `floor(received × rate / 10,000)`.
    ///
    /// Rounding down means a user is never charged more than the published rate; whatever is
    /// charged moves to the fee account unit for unit, so rounding neither creates nor destroys value.
    @inlinable
    public static func commission(on received: Amount, basisPoints: Int32) -> Amount {
        let (product, overflow) = received.multipliedReportingOverflow(by: Int64(basisPoints))
        if !overflow { return product / 10_000 }
        return Int64(Int128(received) * Int128(basisPoints) / 10_000)
    }
}
