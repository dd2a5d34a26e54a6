import SolventCore

/// How the auditor's export writes rows: CSV with a header line, or JSON lines (one object per
/// line, the same object the account's own endpoint answers). Amounts are exact decimal text in
/// their asset's scale, never floating point.
public enum AuditExportFormat: String, Sendable, CaseIterable {
    case csv
    case jsonLines = "jsonl"

    public var contentType: String {
        switch self {
        case .csv: "text/csv;charset=UTF-8"
        case .jsonLines: "application/x-ndjson;charset=UTF-8"
        }
    }

    /// The first line of a CSV export of `kind`; nothing for JSON lines.
    public func header(_ kind: AuditExportKind) -> [UInt8] {
        guard self == .csv else { return [] }
        return Array((kind.columns.joined(separator: ",") + "\n").utf8)
    }
}

/// What the auditor exports of one account: its orders, its fills, or its ledger (deposits and
/// withdrawal steps).
public enum AuditExportKind: String, Sendable, CaseIterable {
    case orders
    case trades
    case ledger

    var columns: [String] {
        switch self {
        case .orders:
            ["symbol", "orderId", "clientOrderId", "side", "type", "timeInForce", "status", "price", "origQty",
             "executedQty", "cummulativeQuoteQty", "stopPrice", "time", "updateTime"]
        case .trades:
            ["symbol", "id", "orderId", "isBuyer", "isMaker", "price", "qty", "quoteQty", "commission",
             "commissionAsset", "time"]
        case .ledger:
            ["sequence", "kind", "asset", "amount", "withdrawalId", "time"]
        }
    }
}

extension AuditExportFormat {
    /// One order as a line.
    public func line(_ order: Order, market: MarketNames, into out: inout [UInt8]) {
        guard self == .csv else {
            var writer = JSONWriter(capacity: 512)
            OrderJSON.write(order, market: market, to: &writer)
            return out.append(contentsOf: writer.finish() + [UInt8(ascii: "\n")])
        }
        var row = CSVRow()
        row.text(market.symbol); row.number(order.id); row.text(order.clientOrderId.description)
        row.text(order.side.wireName); row.text(order.type.wireName); row.text(order.timeInForce.wireName)
        row.text(order.status.wireName)
        row.decimal(order.price, market.priceScale); row.decimal(order.quantity, market.baseScale)
        row.decimal(order.executedQuantity, market.baseScale); row.decimal(order.cumulativeQuote, market.quoteScale)
        row.decimal(order.stopPrice, market.priceScale); row.number(order.createdAt); row.number(order.updatedAt)
        row.end(into: &out)
    }

    /// One fill of the account's as a line.
    public func line(_ trade: AccountTrade, market: MarketNames, into out: inout [UInt8]) {
        guard self == .csv else {
            var writer = JSONWriter(capacity: 320)
            AccountTradeJSON.write(trade, market: market, to: &writer)
            return out.append(contentsOf: writer.finish() + [UInt8(ascii: "\n")])
        }
        var row = CSVRow()
        row.text(market.symbol); row.number(trade.tradeId); row.number(trade.orderId)
        row.text(trade.isBuyer ? "true" : "false"); row.text(trade.isMaker ? "true" : "false")
        row.decimal(trade.price, market.priceScale); row.decimal(trade.quantity, market.baseScale)
        row.decimal(trade.quote, market.quoteScale)
        row.decimal(trade.commission, market.scale(of: trade.commissionAsset))
        row.text(market.assetName(trade.commissionAsset)); row.number(trade.time)
        row.end(into: &out)
    }
}

extension AuditExportFormat {
    /// One deposit or withdrawal step as a line: the store's record of it (a `LedgerEntry` with
    /// the sequence of the command that made it), `asset` being its asset.
    public func ledgerLine(sequence: UInt64, kind: LedgerEntry.Kind, asset: AssetSpec, amount: Amount,
                           withdrawal: WithdrawalId, time: Timestamp, into out: inout [UInt8]) {
        let kindName = Self.kindName(kind)
        let withdrawalId = withdrawal == 0 ? "" : WalletJSON.withdrawalIdText(withdrawal)
        guard self == .csv else {
            var writer = JSONWriter(capacity: 192)
            writer.object { writer in
                writer.field("sequence", Int64(sequence))
                writer.field("kind", kindName)
                writer.field("asset", asset.name)
                writer.decimalField("amount", amount, scale: asset.scale)
                writer.field("withdrawalId", withdrawalId)
                writer.field("time", time)
            }
            return out.append(contentsOf: writer.finish() + [UInt8(ascii: "\n")])
        }
        var row = CSVRow()
        row.number(Int64(sequence)); row.text(kindName); row.text(asset.name)
        row.decimal(amount, asset.scale); row.text(withdrawalId); row.number(time)
        row.end(into: &out)
    }

    static func kindName(_ kind: LedgerEntry.Kind) -> String {
        switch kind {
        case .deposit: "DEPOSIT"
        case .withdrawalRequested: "WITHDRAWAL_REQUESTED"
        case .withdrawalConfirmed: "WITHDRAWAL_CONFIRMED"
        case .withdrawalReleased: "WITHDRAWAL_RELEASED"
        }
    }
}

/// One CSV line (RFC 4180): a field with a comma, a quote or a line break is quoted, its quotes
/// doubled; a field that starts like a formula is prefixed with a quote mark, so a spreadsheet
/// opening the export never runs a client's order id as one.
struct CSVRow {
    private var fields = 0
    private var line: [UInt8] = []

    mutating func number(_ value: Int64) { field(Array(String(value).utf8)) }

    mutating func decimal(_ units: Int64, _ scale: Scale) { field(Array(DecimalText.format(units, scale: scale).utf8)) }

    mutating func text(_ value: String) {
        var bytes = Array(value.utf8)
        if let first = bytes.first, "=+-@\t\r".utf8.contains(first) { bytes.insert(UInt8(ascii: "'"), at: 0) }
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return field(bytes)
        }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        field(quoted)
    }

    mutating func end(into out: inout [UInt8]) {
        out.append(contentsOf: line)
        out.append(10)
    }

    private mutating func field(_ bytes: [UInt8]) {
        if fields > 0 { line.append(UInt8(ascii: ",")) }
        line.append(contentsOf: bytes)
        fields += 1
    }
}
