// Optional enums and enum sets, which the primitives in BinaryWriter/BinaryReader do not cover.

extension BinaryWriter {
    /// A presence byte, then the enum's one-byte tag if there is one.
    mutating func writeOptionalEnum<Tag: RawRepresentable>(_ value: Tag?) where Tag.RawValue == UInt8 {
        write(value != nil)
        if let value { writeEnum(value) }
    }

    /// A set of enum cases as a bitmask: case `c` is bit `c.rawValue`, so the mask is as stable as
    /// the raw values are.
    mutating func writeEnumSet<Element: RawRepresentable & CaseIterable, Mask: FixedWidthInteger & UnsignedInteger>(
        _ set: Set<Element>, as mask: Mask.Type
    ) where Element.RawValue == UInt8 {
        var bits: Mask = 0
        for element in set {
            precondition(Int(element.rawValue) < Mask.bitWidth, "\(element) does not fit a \(Mask.self) mask")
            bits |= 1 << element.rawValue
        }
        writeLittleEndianMask(bits)
    }

    private mutating func writeLittleEndianMask<Mask: FixedWidthInteger & UnsignedInteger>(_ bits: Mask) {
        for index in 0..<(Mask.bitWidth / 8) {
            write(UInt8(truncatingIfNeeded: bits >> (index * 8)))
        }
    }
}

extension BinaryReader {
    /// An enum written by `BinaryWriter.writeOptionalEnum`.
    mutating func readOptionalEnum<Tag: RawRepresentable>(
        _ type: Tag.Type
    ) throws(BinaryDecodingError) -> Tag? where Tag.RawValue == UInt8 {
        try readBool() ? try readEnum(Tag.self) : nil
    }

    /// A set written by `BinaryWriter.writeEnumSet`; a bit that names no case is invalid.
    mutating func readEnumSet<Element: RawRepresentable & CaseIterable, Mask: FixedWidthInteger & UnsignedInteger>(
        _ type: Element.Type, as mask: Mask.Type
    ) throws(BinaryDecodingError) -> Set<Element> where Element.RawValue == UInt8 {
        let start = offset
        guard remainingCount >= Mask.bitWidth / 8 else { throw .truncated(offset: start) }
        var bits: Mask = 0
        for index in 0..<(Mask.bitWidth / 8) {
            bits |= Mask(try readUInt8()) << (index * 8)
        }
        var set = Set<Element>()
        var known: Mask = 0
        for element in Element.allCases where Int(element.rawValue) < Mask.bitWidth {
            let bit: Mask = 1 << element.rawValue
            known |= bit
            if bits & bit != 0 { set.insert(element) }
        }
        guard bits & ~known == 0 else { throw .invalidValue(offset: start, what: "Set<\(Element.self)>") }
        return set
    }
}
