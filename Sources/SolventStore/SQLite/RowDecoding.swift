import Foundation
import GRDB
import SolventCore

/// Rows back into values. Column lists live beside their decoders so the two cannot drift.

enum OrderRows {
    static func order(_ row: Row) throws -> Order {
        let id: Int64 = row["id"]
        let encoded: Data = row["encoded"]
        var reader = BinaryReader([UInt8](encoded))
        guard let order = try? reader.read(Order.self), reader.isAtEnd, order.id == id else {
            throw HistoryStoreError.corruptRow(table: "orders", key: id)
        }
        return order
    }
}

enum TradeRows {
    static let columns = """
        market, id, price, quantity, quote, buyerOrderId, sellerOrderId, buyerAccount, sellerAccount, takerSide, time
        """

    static func trade(_ row: Row) throws -> Trade {
        let id: Int64 = row[1]
        guard let takerSide = Side(rawValue: row[9]) else {
            throw HistoryStoreError.corruptRow(table: "trades", key: id)
        }
        return Trade(market: row[0], id: id, price: row[2], quantity: row[3], quote: row[4],
                           buyerOrderId: row[5], sellerOrderId: row[6], buyerAccount: row[7],
                           sellerAccount: row[8], takerSide: takerSide, time: row[10])
    }
}

enum AccountTradeRows {
    static let columns = """
        account, market, tradeId, orderId, price, quantity, quote, commission, commissionAsset, time, isBuyer, isMaker
        """

    static func accountTrade(_ row: Row) -> AccountTrade {
        AccountTrade(account: row[0], market: row[1], tradeId: row[2], orderId: row[3], price: row[4],
                     quantity: row[5], quote: row[6], commission: row[7], commissionAsset: row[8], time: row[9],
                     isBuyer: row[10], isMaker: row[11])
    }
}

enum KlineRows {
    /// Everything of a bar but its key's market and interval.
    static let bucketColumns = """
        openTime, open, high, low, close, volume, quoteVolume, tradeCount, takerBuyBase, takerBuyQuote, \
        firstTradeId, lastTradeId
        """

    static func bucket(_ row: Row) -> KlineBucket {
        KlineBucket(openTime: row[0], open: row[1], high: row[2], low: row[3], close: row[4], volume: row[5],
                    quoteVolume: row[6], tradeCount: row[7], takerBuyBase: row[8], takerBuyQuote: row[9],
                    firstTradeId: row[10], lastTradeId: row[11])
    }
}

enum LedgerRows {
    static let columns = "id, sequence, kind, account, asset, amount, withdrawal, time"

    static func record(_ row: Row) throws -> LedgerRecord {
        let id: Int64 = row[0]
        let sequence: Int64 = row[1]
        guard let kind = LedgerEntry.Kind(rawValue: row[2]), sequence > 0 else {
            throw HistoryStoreError.corruptRow(table: "ledger", key: id)
        }
        return LedgerRecord(sequence: UInt64(sequence), kind: kind, account: row[3], asset: row[4], amount: row[5],
                            withdrawal: row[6], time: row[7])
    }
}
