/// The whole exchange state in a stable binary form: what a snapshot stores, and what the state
/// hash is taken over. Two engines with equal state encode to equal bytes, whatever book they run
/// on, because the book is written as its orders in priority order.
///
/// Layout (version 6), all integers little-endian:
/// magic "SOLVSTAT", version u16, counters, assets, ledger (each account's fees, canTrade,
/// frozen, balancesUpdatedAt), markets (spec, last price, next trade id, average-price buckets, bids and asks best
/// first, waiting stops oldest first), pending withdrawals by id (account, asset, amount, fee,
/// state, destination, txid), then custody (`CustodyStateCoding.swift`): next deposit id, chain
/// deposits by id, chain cursors by asset, withdrawal limits by asset, the last 24 hours'
/// withdrawals oldest first; then the latest journaled epoch, optional (`EpochCoding.swift`);
/// then accounts' withdrawal protections by account (`ProtectionStateCoding.swift`); then
/// accounts' jurisdictions and the rulings' history (`JurisdictionCoding.swift`); then the latest
/// journaled access-log head, optional (`AccessLogHeadCoding.swift`).
/// Indexes derivable from what is stored (client ids, open counts, deposits by outpoint) are not
/// stored. Version 5 (no access-log head), version 4 (no jurisdictions), version 3 (no protections), version 2 (no balancesUpdatedAt, read as 0; no epoch) and version 1 (also no frozen
/// flag, withdrawals without fee/state/destination/txid, no custody) are still read.
extension Engine {
    static var stateMagic: [UInt8] { Array("SOLVSTAT".utf8) }
    static var stateVersion: UInt16 { 6 }

    /// The state's bytes.
    public func encodedState() -> [UInt8] {
        var writer = BinaryWriter(capacity: 4_096)
        for byte in Self.stateMagic { writer.write(byte) }
        writer.write(Self.stateVersion)
        writer.write(counters.nextOrderId)
        writer.write(counters.nextWithdrawalId)
        writer.write(counters.nextPreventedMatchId)
        writer.write(UInt32(assets.count))
        for asset in assets {
            writer.write(asset)
        }
        encodeLedger(&writer)
        writer.write(UInt32(markets.count))
        for market in markets { encodeMarket(market, &writer) }
        writer.write(UInt32(withdrawals.count))
        for (id, pending) in withdrawals.sorted(by: { $0.key < $1.key }) {
            writer.write(id)
            writer.write(pending)
        }
        encodeCustody(&writer)
        writer.writeOptional(latestEpoch)
        encodeProtections(&writer)
        encodeJurisdictions(&writer)
        writer.writeOptional(accessLogHead)
        return writer.bytes
    }

    /// SHA-256 of `encodedState()`: equal states, equal hashes; replay is checked against it.
    public func stateHash() -> SHA256Digest {
        SHA256.hash(encodedState())
    }

    private func encodeLedger(_ writer: inout BinaryWriter) {
        writer.write(UInt32(ledger.accountCount))
        for account in ledger.accounts {
            writer.write(account.fees)
            writer.write(account.canTrade)
            writer.write(account.frozen)
            writer.write(account.balancesUpdatedAt)
        }
        ledger.forEachBalance { _, _, balance in
            writer.write(balance.free)
            writer.write(balance.locked)
        }
        for asset in 0..<ledger.assetCount {
            writer.write(ledger.deposited[asset])
            writer.write(ledger.withdrawn[asset])
        }
    }

    private func encodeMarket(_ market: MarketState<Book>, _ writer: inout BinaryWriter) {
        writer.write(market.spec)
        writer.write(market.lastPrice)
        writer.write(market.nextTradeId)
        writer.write(UInt32(market.averagePrice.minutes))
        for bucket in market.averagePrice.buckets {
            writer.write(bucket.minute)
            writer.write(bucket.quote)
            writer.write(bucket.quantity)
        }
        for orders in [market.book.orders(.buy), market.book.orders(.sell), market.stops.all] {
            writer.write(UInt32(orders.count))
            for order in orders { writer.write(order) }
        }
    }
}
