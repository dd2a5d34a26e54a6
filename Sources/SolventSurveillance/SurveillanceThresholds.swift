import SolventCore

/// When each detector speaks (`solvent serve --config`'s `surveillance` object). Times in
/// milliseconds of engine time, moves and shares in basis points (1/100 of a percent), so every
/// comparison is integer arithmetic on the journal's own numbers.
public struct SurveillanceThresholds: Sendable, Equatable {
    // Spoofing and layering.
    /// A cancelled order is large when its unfilled quantity is at least this many times the
    /// market's mean trade size over its recent tape.
    public var spoofSizeMultiple: Int64 = 20
    /// ...cancelled at most this long after its account traded on the other side...
    public var spoofCancelWithinMilliseconds: Int64 = 5_000
    /// ...priced within this distance of that trade (near the touch)...
    public var spoofTouchBasisPoints: Int64 = 50
    /// ...while its account rested at least this many times more on the order's side than on the
    /// other: a market maker quotes both sides, a spoofer leans on one.
    public var spoofImbalanceMultiple: Int64 = 4
    /// Spoofed orders at this many distinct prices or more, cancelled together, are layering.
    public var layeringLevelsMin = 3
    /// Trades the mean trade size needs before an order can be called large.
    public var spoofTradesMin = 3

    // Marking the close.
    /// The daily close, in minutes after 00:00 UTC.
    public var closeMinuteOfDay: Int64 = 0
    /// The window before the close that is watched.
    public var closeWindowMilliseconds: Int64 = 5 * 60_000
    /// The close is marked when the price moved this much across the window...
    public var closeMoveBasisPoints: Int64 = 200
    /// ...and one account's aggressive trades in the direction of the move were at least this
    /// share of the window's volume.
    public var closeShareBasisPoints: Int64 = 5_000

    // Sudden price moves.
    /// A trade this far from any price of the trailing window is a sudden move...
    public var bandBasisPoints: Int64 = 500
    /// ...the window (and, after an alert, how long the market stays quiet).
    public var bandWindowMilliseconds: Int64 = 60_000

    public init() {}

    /// Problems with the thresholds, for the configuration's loader to refuse; empty when sound.
    public var problems: [String] {
        var problems: [String] = []
        if spoofSizeMultiple < 1 || spoofImbalanceMultiple < 1 { problems.append("multiples must be at least 1") }
        if spoofCancelWithinMilliseconds < 1 || closeWindowMilliseconds < 1 || bandWindowMilliseconds < 1 {
            problems.append("windows must be positive")
        }
        if !(0..<1_440).contains(closeMinuteOfDay) { problems.append("closeMinuteOfDay must be in 0..<1440") }
        if [spoofTouchBasisPoints, closeMoveBasisPoints, bandBasisPoints].contains(where: { $0 < 1 })
            || !(1...10_000).contains(closeShareBasisPoints) {
            problems.append("basis points must be positive (a share at most 10000)")
        }
        if layeringLevelsMin < 2 || spoofTradesMin < 1 { problems.append("layeringLevelsMin >= 2, spoofTradesMin >= 1") }
        return problems
    }
}

/// How far `price` lies from `reference`, in basis points of `reference` (rounded toward zero).
@inlinable func basisPoints(from reference: Price, to price: Price) -> Int64 {
    precondition(reference > 0, "a reference price is positive")
    return Int64((Int128(price) - Int128(reference)) * 10_000 / Int128(reference))
}
