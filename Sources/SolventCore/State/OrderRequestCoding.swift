// Binary form of the trading commands' payloads: new orders, cancels, cancel-replace, amend.
// Part of the journal format (see the tag table in CommandCoding.swift): field order and widths
// are fixed for ever; a change of layout needs a new command tag.

/// Layout: byte count u8 (0 = none), then that many ASCII bytes. Decoding applies the rules of
/// `ClientOrderId.init?(_:)`, so a count over 36 or a byte outside the alphabet is invalid.
extension ClientOrderId: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        assert(Int(count) <= Self.capacity, "client order id of \(count) bytes")
        writer.write(count)
        for index in 0..<Int(count) { writer.write(byte(at: index)) }
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let length = Int(try reader.readUInt8())
        if length == 0 {
            self = .none
            return
        }
        guard length <= Self.capacity else { throw .invalidValue(offset: start, what: "ClientOrderId length") }
        guard length <= reader.remainingCount else { throw .truncated(offset: start) }
        // Read straight into the string's storage: ids of up to 15 bytes then need no heap.
        // Invalid UTF-8 is repaired to U+FFFD here, which the alphabet check below refuses.
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            for index in 0..<length { buffer[index] = (try? reader.readUInt8()) ?? 0 }
            return length
        }
        guard let id = ClientOrderId(text), Int(id.count) == length else {
            throw .invalidValue(offset: start, what: "ClientOrderId")
        }
        self = id
    }
}

/// Layout: account u32, market u16, side u8, type u8, timeInForce u8?, quantity i64?,
/// quoteOrderQuantity i64?, price i64?, stopPrice i64?, icebergQuantity i64?, clientOrderId,
/// selfTradePreventionMode u8?, strategyId i64, strategyType i32.
extension NewOrder: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(market)
        writer.writeEnum(side)
        writer.writeEnum(type)
        writer.writeOptionalEnum(timeInForce)
        writer.writeOptional(quantity)
        writer.writeOptional(quoteOrderQuantity)
        writer.writeOptional(price)
        writer.writeOptional(stopPrice)
        writer.writeOptional(icebergQuantity)
        writer.write(clientOrderId)
        writer.writeOptionalEnum(selfTradePreventionMode)
        writer.write(strategyId)
        writer.write(strategyType)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let account = try reader.readUInt32()
        let market = try reader.readUInt16()
        let side = try reader.readEnum(Side.self)
        let type = try reader.readEnum(OrderType.self)
        let timeInForce = try reader.readOptionalEnum(TimeInForce.self)
        let quantity = try reader.readOptional(Quantity.self)
        let quoteOrderQuantity = try reader.readOptional(QuoteAmount.self)
        let price = try reader.readOptional(Price.self)
        let stopPrice = try reader.readOptional(Price.self)
        let icebergQuantity = try reader.readOptional(Quantity.self)
        let clientOrderId = try reader.read(ClientOrderId.self)
        let selfTradePreventionMode = try reader.readOptionalEnum(SelfTradePreventionMode.self)
        let strategyId = try reader.readInt64()
        let strategyType = try reader.readInt32()
        self.init(account: account, market: market, side: side, type: type, timeInForce: timeInForce,
                  quantity: quantity, quoteOrderQuantity: quoteOrderQuantity, price: price,
                  stopPrice: stopPrice, icebergQuantity: icebergQuantity, clientOrderId: clientOrderId,
                  selfTradePreventionMode: selfTradePreventionMode,
                  strategyId: strategyId, strategyType: strategyType)
    }
}

/// Layout: orderId i64?, clientOrderId.
extension OrderReference: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.writeOptional(orderId)
        writer.write(clientOrderId)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(orderId: try reader.readOptional(OrderId.self), clientOrderId: try reader.read(ClientOrderId.self))
    }
}

/// Layout: account u32, market u16, order (OrderReference), cancelClientOrderId, restriction u8.
extension CancelOrder: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(market)
        writer.write(order)
        writer.write(cancelClientOrderId)
        writer.writeEnum(restriction)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(account: try reader.readUInt32(), market: try reader.readUInt16(),
                  order: try reader.read(OrderReference.self),
                  cancelClientOrderId: try reader.read(ClientOrderId.self),
                  restriction: try reader.readEnum(CancelRestriction.self))
    }
}

/// Layout: mode u8, cancel (CancelOrder), replacement (NewOrder).
extension CancelReplace: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.writeEnum(mode)
        writer.write(cancel)
        writer.write(replacement)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(mode: try reader.readEnum(CancelReplaceMode.self), cancel: try reader.read(CancelOrder.self),
                  replacement: try reader.read(NewOrder.self))
    }
}

/// Layout: account u32, market u16, order (OrderReference), newQuantity i64.
extension AmendOrder: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(account)
        writer.write(market)
        writer.write(order)
        writer.write(newQuantity)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(account: try reader.readUInt32(), market: try reader.readUInt16(),
                  order: try reader.read(OrderReference.self), newQuantity: try reader.readInt64())
    }
}
