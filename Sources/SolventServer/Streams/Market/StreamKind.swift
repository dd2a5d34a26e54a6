import SolventCore

/// What a market stream carries, whatever spelling named it (spec §5.3). Streams of one kind
/// on one market share one rendering: every subscriber gets the same bytes.
enum StreamKind: Hashable, Sendable {
    case trade
    case aggregateTrade
    /// Diff depth: `fast` is the 100 ms variant, else 1000 ms.
    case depthDiff(fast: Bool)
    /// Top `levels` (5, 10 or 20) of each side.
    case depthPartial(levels: Int, fast: Bool)
    case kline(KlineInterval)
    case ticker
    case miniTicker
    case bookTicker
    case averagePrice

    static let partialDepthLevels: Set<Int> = [5, 10, 20]
}

/// A parsed market stream name: one market's stream, or one of the all-market arrays.
enum MarketStreamName: Hashable, Sendable {
    /// `<symbol>@…`; the symbol as the catalog spells it (upper case).
    case market(symbol: String, kind: StreamKind)
    /// `!miniTicker@arr` (and python-binance's `!miniTicker@arr@1000ms`).
    case allMiniTickers
    /// `!ticker@arr`.
    case allTickers

    /// Parses `name`; nil when it names no market stream we serve (a listen key, ccxt.pro's
    /// connection index `0`, an upper-case symbol, an unknown type).
    static func parse(_ name: String) -> MarketStreamName? {
        let parts = name.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        if name.hasPrefix("!") { return parseAllMarkets(parts) }
        guard parts.count >= 2, let symbol = symbol(parts[0]) else { return nil }
        let rest = Array(parts.dropFirst(2))
        let type = parts[1]
        switch type {
        case "trade": return rest.isEmpty ? .market(symbol: symbol, kind: .trade) : nil
        case "aggTrade": return rest.isEmpty ? .market(symbol: symbol, kind: .aggregateTrade) : nil
        case "ticker": return rest.isEmpty ? .market(symbol: symbol, kind: .ticker) : nil
        case "miniTicker": return rest.isEmpty ? .market(symbol: symbol, kind: .miniTicker) : nil
        case "bookTicker": return rest.isEmpty ? .market(symbol: symbol, kind: .bookTicker) : nil
        case "avgPrice": return rest.isEmpty ? .market(symbol: symbol, kind: .averagePrice) : nil
        default: break
        }
        if type.hasPrefix("kline_") {
            // The `@+08:00` time-zone variant is optional (spec §5.3) and not served.
            guard rest.isEmpty, let interval = KlineInterval(rawValue: String(type.dropFirst(6))) else { return nil }
            return .market(symbol: symbol, kind: .kline(interval))
        }
        if type.hasPrefix("depth") {
            guard let fast = speed(rest) else { return nil }
            let levels = type.dropFirst(5)
            if levels.isEmpty { return .market(symbol: symbol, kind: .depthDiff(fast: fast)) }
            guard let count = Int(levels), StreamKind.partialDepthLevels.contains(count) else { return nil }
            return .market(symbol: symbol, kind: .depthPartial(levels: count, fast: fast))
        }
        return nil
    }

    private static func parseAllMarkets(_ parts: [String]) -> MarketStreamName? {
        guard parts.count >= 2, parts[1] == "arr", speed(Array(parts.dropFirst(2))) != nil else { return nil }
        switch parts[0] {
        case "!miniTicker": return .allMiniTickers
        case "!ticker": return parts.count == 2 ? .allTickers : nil
        default: return nil
        }
    }

    /// Symbols in stream names are lower case letters and digits.
    private static func symbol(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else {
            return nil
        }
        return text.uppercased()
    }

    /// An optional trailing `@100ms` / `@1000ms`: true for 100 ms, false for 1000 ms or none.
    private static func speed(_ rest: [String]) -> Bool? {
        switch rest {
        case []: false
        case ["100ms"]: true
        case ["1000ms"]: false
        default: nil
        }
    }
}
