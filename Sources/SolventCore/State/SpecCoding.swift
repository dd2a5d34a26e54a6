// Binary form of what listing and fee commands carry: asset and market specs, filters, fees.
// Part of the journal format (see the tag table in CommandCoding.swift): field order and widths
// are fixed for ever; a change of layout needs a new command tag.

extension AssetSpec {
    /// Longest name the binary form holds, in UTF-8 bytes; the engine lists only 1...20 A-Z0-9.
    public static let nameLengthMax = 20

    var isBinaryEncodable: Bool { name.utf8.count <= Self.nameLengthMax }
}

extension MarketSpec {
    /// Longest symbol the binary form holds, in UTF-8 bytes; `problem(baseScale:)` allows 1...20.
    public static let symbolLengthMax = 20

    var isBinaryEncodable: Bool { symbol.utf8.count <= Self.symbolLengthMax }
}

/// Layout: name (string ≤ `nameLengthMax`), scale u8.
extension AssetSpec: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        precondition(isBinaryEncodable, "asset name of \(name.utf8.count) bytes exceeds \(Self.nameLengthMax)")
        writer.write(name)
        writer.write(scale)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let name = try reader.readString(lengthMax: Self.nameLengthMax)
        self.init(name: name, scale: try reader.readUInt8())
    }
}

/// Layout: symbol (string ≤ `symbolLengthMax`), base u16, quote u16, status u8, filters,
/// orderTypes (u16 mask, bit = raw value), icebergAllowed, quoteOrderQtyMarketAllowed,
/// cancelReplaceAllowed, amendAllowed (Bool each), allowedSelfTradePreventionModes (u8 mask),
/// defaultSelfTradePreventionMode u8.
extension MarketSpec: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        precondition(isBinaryEncodable, "market symbol of \(symbol.utf8.count) bytes exceeds \(Self.symbolLengthMax)")
        writer.write(symbol)
        writer.write(base)
        writer.write(quote)
        writer.writeEnum(status)
        writer.write(filters)
        writer.writeEnumSet(orderTypes, as: UInt16.self)
        writer.write(icebergAllowed)
        writer.write(quoteOrderQtyMarketAllowed)
        writer.write(cancelReplaceAllowed)
        writer.write(amendAllowed)
        writer.writeEnumSet(allowedSelfTradePreventionModes, as: UInt8.self)
        writer.writeEnum(defaultSelfTradePreventionMode)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let symbol = try reader.readString(lengthMax: Self.symbolLengthMax)
        let base = try reader.readUInt16()
        let quote = try reader.readUInt16()
        let status = try reader.readEnum(MarketStatus.self)
        let filters = try reader.read(MarketFilters.self)
        let orderTypes = try reader.readEnumSet(OrderType.self, as: UInt16.self)
        let icebergAllowed = try reader.readBool()
        let quoteOrderQtyMarketAllowed = try reader.readBool()
        let cancelReplaceAllowed = try reader.readBool()
        let amendAllowed = try reader.readBool()
        let allowedModes = try reader.readEnumSet(SelfTradePreventionMode.self, as: UInt8.self)
        let defaultMode = try reader.readEnum(SelfTradePreventionMode.self)
        self.init(symbol: symbol, base: base, quote: quote, filters: filters, status: status,
                  orderTypes: orderTypes, icebergAllowed: icebergAllowed,
                  quoteOrderQtyMarketAllowed: quoteOrderQtyMarketAllowed,
                  cancelReplaceAllowed: cancelReplaceAllowed, amendAllowed: amendAllowed,
                  allowedSelfTradePreventionModes: allowedModes,
                  defaultSelfTradePreventionMode: defaultMode)
    }
}

/// Layout: price (PriceFilter), lotSize (LotSizeFilter), marketLotSize?, notional?,
/// isLegacyMinNotional Bool, percentPriceBySide?, maxNumOrders i32, icebergPartsLimit i32.
extension MarketFilters: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(price)
        writer.write(lotSize)
        writer.writeOptional(marketLotSize)
        writer.writeOptional(notional)
        writer.write(isLegacyMinNotional)
        writer.writeOptional(percentPriceBySide)
        writer.write(maxNumOrders)
        writer.write(icebergPartsLimit)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let price = try reader.read(PriceFilter.self)
        let lotSize = try reader.read(LotSizeFilter.self)
        let marketLotSize = try reader.readOptional(LotSizeFilter.self)
        let notional = try reader.readOptional(NotionalFilter.self)
        let isLegacyMinNotional = try reader.readBool()
        let percentPriceBySide = try reader.readOptional(PercentPriceBySideFilter.self)
        let maxNumOrders = try reader.readInt32()
        let icebergPartsLimit = try reader.readInt32()
        self.init(price: price, lotSize: lotSize, marketLotSize: marketLotSize, notional: notional,
                  isLegacyMinNotional: isLegacyMinNotional, percentPriceBySide: percentPriceBySide,
                  maxNumOrders: maxNumOrders, icebergPartsLimit: icebergPartsLimit)
    }
}

/// Layout: minPrice, maxPrice, tickSize (i64 each).
extension PriceFilter: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(minPrice)
        writer.write(maxPrice)
        writer.write(tickSize)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(minPrice: try reader.readInt64(), maxPrice: try reader.readInt64(),
                  tickSize: try reader.readInt64())
    }
}

/// Layout: minQuantity, maxQuantity, stepSize (i64 each).
extension LotSizeFilter: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(minQuantity)
        writer.write(maxQuantity)
        writer.write(stepSize)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(minQuantity: try reader.readInt64(), maxQuantity: try reader.readInt64(),
                  stepSize: try reader.readInt64())
    }
}

/// Layout: minNotional i64, maxNotional i64, applyMinToMarket Bool, applyMaxToMarket Bool,
/// averagePriceMinutes i32.
extension NotionalFilter: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(minNotional)
        writer.write(maxNotional)
        writer.write(applyMinToMarket)
        writer.write(applyMaxToMarket)
        writer.write(averagePriceMinutes)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(minNotional: try reader.readInt64(), maxNotional: try reader.readInt64(),
                  applyMinToMarket: try reader.readBool(), applyMaxToMarket: try reader.readBool(),
                  averagePriceMinutes: try reader.readInt32())
    }
}

/// Layout: bidMultiplierUp, bidMultiplierDown, askMultiplierUp, askMultiplierDown (i64 each),
/// averagePriceMinutes i32.
extension PercentPriceBySideFilter: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(bidMultiplierUp)
        writer.write(bidMultiplierDown)
        writer.write(askMultiplierUp)
        writer.write(askMultiplierDown)
        writer.write(averagePriceMinutes)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(bidMultiplierUp: try reader.readInt64(), bidMultiplierDown: try reader.readInt64(),
                  askMultiplierUp: try reader.readInt64(), askMultiplierDown: try reader.readInt64(),
                  averagePriceMinutes: try reader.readInt32())
    }
}

/// Layout: makerBasisPoints i32, takerBasisPoints i32. Out-of-range rates are carried as they are;
/// rejecting them is the engine's business, and the journal must replay its rejections too.
extension FeeSchedule: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(makerBasisPoints)
        writer.write(takerBasisPoints)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(makerBasisPoints: try reader.readInt32(), takerBasisPoints: try reader.readInt32())
    }
}
