/// Amounts are integers in an asset's smallest unit; there is no floating point anywhere money flows.
///
/// The aliases name the unit a value is counted in, so a signature says what it expects:
/// a `Quantity` is base-asset units, a `Price` is quote-asset units per *whole* base unit,
/// and a `QuoteAmount` is quote-asset units.
public typealias Amount = Int64
public typealias Quantity = Int64
public typealias Price = Int64
public typealias QuoteAmount = Int64

/// Number of fractional decimal digits an asset's smallest unit represents (8 means 1e-8).
public typealias Scale = UInt8

/// Powers of ten up to 10^18, the largest that fits an `Int64`.
@usableFromInline
let powersOfTen: [Int64] = (0...18).map { exponent in
    (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
}

/// 10^scale, for scales an `Int64` can hold.
@inlinable
public func unitsPerWhole(_ scale: Scale) -> Int64 {
    precondition(scale <= 18, "scale \(scale) does not fit an Int64")
    return powersOfTen[Int(scale)]
}
