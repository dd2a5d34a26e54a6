/// `Order` in the stable binary format, field by field in declaration order. Snapshots hold every
/// open order this way; changing it means a new state format version.
extension Order: BinaryEncodable, BinaryDecodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(clientOrderId)
        writer.write(account)
        writer.write(market)
        writer.writeEnum(side)
        writer.writeEnum(type)
        writer.writeEnum(timeInForce)
        writer.writeEnum(selfTradePreventionMode)
        writer.writeEnum(status)
        writer.writeEnum(expiryReason)
        for amount in [price, stopPrice, quantity, quoteOrderQuantity, icebergQuantity, executedQuantity,
                       cumulativeQuote, reserved, visibleQuantity, preventedQuantity, strategyId] {
            writer.write(amount)
        }
        writer.write(strategyType)
        writer.write(createdAt)
        writer.write(workingTime)
        writer.write(updatedAt)
        writer.write(isTriggered)
    }

    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        id = try reader.readInt64()
        clientOrderId = try reader.read(ClientOrderId.self)
        account = try reader.readUInt32()
        market = try reader.readUInt16()
        side = try reader.readEnum(Side.self)
        type = try reader.readEnum(OrderType.self)
        timeInForce = try reader.readEnum(TimeInForce.self)
        selfTradePreventionMode = try reader.readEnum(SelfTradePreventionMode.self)
        status = try reader.readEnum(OrderStatus.self)
        expiryReason = try reader.readEnum(ExpiryReason.self)
        price = try reader.readInt64()
        stopPrice = try reader.readInt64()
        quantity = try reader.readInt64()
        quoteOrderQuantity = try reader.readInt64()
        icebergQuantity = try reader.readInt64()
        executedQuantity = try reader.readInt64()
        cumulativeQuote = try reader.readInt64()
        reserved = try reader.readInt64()
        visibleQuantity = try reader.readInt64()
        preventedQuantity = try reader.readInt64()
        strategyId = try reader.readInt64()
        strategyType = try reader.readInt32()
        createdAt = try reader.readInt64()
        workingTime = try reader.readInt64()
        updatedAt = try reader.readInt64()
        isTriggered = try reader.readBool()
    }
}
