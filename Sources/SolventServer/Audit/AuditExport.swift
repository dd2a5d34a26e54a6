import SolventCore
import SolventStore
import SolventWire
import Synchronization

/// One account's orders, trades or ledger for the auditor, read out of the history store a page
/// at a time (orders and trades market after market in id order, the ledger in the order it
/// happened), and rendered as each chunk is asked for: memory holds one page whatever the
/// account's size.
final class AuditExport: Sendable {
    /// Rows read and rendered per chunk.
    static let pageRows = 1_000

    struct Scope: Sendable {
        var account: AccountId
        var kind: AuditExportKind
        var format: AuditExportFormat
        var startTime: Timestamp?
        var endTime: Timestamp?
    }

    private struct Position {
        var market = 0
        /// The lowest id the next page may hold in the current market.
        var nextId: Int64 = 1
        var headerWritten = false
    }

    private let scope: Scope
    private let store: any HistoryStore
    private let markets: [(id: MarketId, names: MarketNames)]
    private let assets: [AssetSpec]
    private let position = Mutex(Position())

    init(_ scope: Scope, store: any HistoryStore, markets: [(id: MarketId, names: MarketNames)], assets: [AssetSpec]) {
        self.scope = scope
        self.store = store
        self.markets = markets
        self.assets = assets
    }

    /// The ledger is one list, read in one pass; orders and trades one pass per market.
    private var passes: Int { scope.kind == .ledger ? 1 : markets.count }

    var body: StreamedBody { StreamedBody { [self] in try next() } }

    /// The next chunk: the CSV header first, then a page of rows; nil once every market is read.
    func next() throws -> [UInt8]? {
        try position.withLock { position throws -> [UInt8]? in
            if !position.headerWritten {
                position.headerWritten = true
                let header = scope.format.header(scope.kind)
                if !header.isEmpty { return header }
            }
            while position.market < passes {
                var chunk: [UInt8] = []
                let (rows, lastId) = try page(pass: position.market, from: position.nextId, into: &chunk)
                if rows < Self.pageRows {
                    position.market += 1
                    position.nextId = 1
                } else {
                    position.nextId = lastId + 1
                }
                if rows > 0 { return chunk }
            }
            return nil
        }
    }

    /// Renders one page of pass `pass` from id `first` on; how many rows, and the last one's id.
    private func page(pass: Int, from first: Int64, into chunk: inout [UInt8]) throws -> (Int, Int64) {
        if scope.kind == .ledger { return try ledgerPage(from: first, into: &chunk) }
        let market = markets[pass]
        switch scope.kind {
        case .orders:
            let orders = try store.orders(account: scope.account, market: market.id, fromOrderId: first,
                                          startTime: scope.startTime, endTime: scope.endTime, limit: Self.pageRows)
            for order in orders { scope.format.line(order, market: market.names, into: &chunk) }
            return (orders.count, orders.last?.id ?? first)
        case .trades:
            let trades = try store.accountTrades(account: scope.account, market: market.id, orderId: nil, fromId: first,
                                                 startTime: scope.startTime, endTime: scope.endTime,
                                                 limit: Self.pageRows)
            for trade in trades { scope.format.line(trade, market: market.names, into: &chunk) }
            return (trades.count, trades.last?.tradeId ?? first)
        case .ledger:
            preconditionFailure("the ledger is read by ledgerPage")
        }
    }

    private func ledgerPage(from first: Int64, into chunk: inout [UInt8]) throws -> (Int, Int64) {
        let rows = try store.ledgerRows(account: scope.account, fromRow: first, startTime: scope.startTime,
                                        endTime: scope.endTime, limit: Self.pageRows)
        for (_, entry) in rows where Int(entry.asset) < assets.count {
            scope.format.ledgerLine(sequence: entry.sequence, kind: entry.kind, asset: assets[Int(entry.asset)],
                                    amount: entry.amount, withdrawal: entry.withdrawal, time: entry.time, into: &chunk)
        }
        return (rows.count, rows.last?.row ?? first)
    }
}
