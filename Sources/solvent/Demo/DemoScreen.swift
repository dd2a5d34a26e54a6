import SolventCommandLine
import SolventCore

/// Renders the demo: per market the top of the book, last price, range and volume, recent trades;
/// below, the conservation check per asset and the command counters.
struct DemoScreen {
    static let depth = 5
    static let columnWidth = 40

    let venue: DemoVenue

    /// The conservation check: Σ over every account (free + locked) == Σ deposits − Σ withdrawals,
    /// both read from the same state. (The events the traders saw are compared with the same
    /// totals once the demo ends.)
    struct Conservation: Sendable {
        var held: [Amount] = []
        var deposited: [Amount] = []
        var withdrawn: [Amount] = []
        var holds: Bool { held == zip(deposited, withdrawn).map { $0 - $1 } }
    }

    func conservation(_ exchange: Exchange) -> Conservation {
        var check = Conservation()
        for asset in DemoVenue.assetNames.indices {
            var sum: Amount = 0
            for account in 0...venue.accountCount {
                let balance = exchange.balance(of: AccountId(account), AssetId(asset))
                sum += balance.free + balance.locked
            }
            check.held.append(sum)
            check.deposited.append(exchange.engine.ledger.deposited[asset])
            check.withdrawn.append(exchange.engine.ledger.withdrawn[asset])
        }
        return check
    }

    /// A full frame for a terminal `columns` wide.
    func frame(_ exchange: Exchange, _ state: DemoState, commandsPerSecond: Double, elapsedSeconds: Double,
               columns: Int) -> [String] {
        var lines = ["Solvent demo — an in-process exchange, \(venue.accountCount) simulated traders  "
                     + "(\(format(elapsedSeconds, digits: 0)) s, Ctrl-C to stop)", ""]
        let blocks = venue.markets.map { marketBlock($0, exchange, state) }
        let width = Self.columnWidth
        if columns >= blocks.count * (width + 2) {
            let height = blocks.map(\.count).max() ?? 0
            for row in 0..<height {
                lines.append(blocks.map { pad(row < $0.count ? $0[row] : "", width) }.joined(separator: "  "))
            }
        } else {
            for block in blocks { lines += block + [""] }
        }
        lines.append("")
        lines += footer(exchange, state, commandsPerSecond: commandsPerSecond)
        return lines.map { $0.count > columns ? String($0.prefix(max(columns - 1, 0))) + "…" : $0 }
    }

    /// One line for logs and pipes.
    func summary(_ exchange: Exchange, _ state: DemoState, commandsPerSecond: Double, elapsedSeconds: Double) -> String {
        var parts = ["t=\(format(elapsedSeconds, digits: 1))s", "commands \(state.commands.grouped) "
                     + "(\(format(commandsPerSecond, digits: 0))/s)"]
        for market in venue.markets {
            let tape = state.tapes[Int(market.id)]
            let last = tape.recent.last.map { price($0.price, market) } ?? "-"
            parts.append("\(market.symbol) last \(last) trades \(tape.trades.grouped) "
                         + "vol \(quantity(tape.baseVolume, market))")
        }
        let check = conservation(exchange)
        parts.append(check.holds ? "conservation OK" : "CONSERVATION BROKEN")
        parts.append("rejections \(state.rejectionCount.grouped)")
        return parts.joined(separator: " | ")
    }

    private func marketBlock(_ market: DemoMarket, _ exchange: Exchange, _ state: DemoState) -> [String] {
        let tape = state.tapes[Int(market.id)]
        let base = DemoVenue.assetNames[Int(market.base)], quote = DemoVenue.assetNames[Int(market.quote)]
        var lines: [String] = []
        let last = exchange.lastPrice(market.id)
        var change = ""
        if let last, let open = tape.openPrice, open > 0 {
            let percent = Double(last - open) / Double(open) * 100
            change = (percent >= 0 ? "▲ +" : "▼ ") + format(percent, digits: 2) + " %"
        }
        lines.append("\(market.symbol)  \(last.map { price($0, market) } ?? "—")  \(change)")
        if tape.trades > 0 {
            lines.append("high \(price(tape.high, market))  low \(price(tape.low, market))")
        } else {
            lines.append("no trades yet")
        }
        lines.append("vol \(quantity(tape.baseVolume, market)) \(base) / \(amount(tape.quoteVolume, digits: market.priceDigits)) \(quote)")
        lines.append(pad("price (\(quote))", 18) + leftPad("qty (\(base))", 16))
        let asks = levels(exchange.openOrders(market.id, .sell))
        let bids = levels(exchange.openOrders(market.id, .buy))
        for row in (0..<Self.depth).reversed() {
            lines.append(row < asks.count ? levelLine("ask", asks[row], market) : "ask")
        }
        if let ask = asks.first?.price, let bid = bids.first?.price {
            lines.append("  spread \(price(ask - bid, market))")
        } else {
            lines.append("  spread —")
        }
        for row in 0..<Self.depth {
            lines.append(row < bids.count ? levelLine("bid", bids[row], market) : "bid")
        }
        lines.append("recent trades")
        for trade in tape.recent.reversed() {
            let side = trade.takerSide == .buy ? "buy " : "sell"
            lines.append("  \(side) \(pad(price(trade.price, market), 12)) \(leftPad(quantity(trade.quantity, market), 12))")
        }
        return lines
    }

    private func footer(_ exchange: Exchange, _ state: DemoState, commandsPerSecond: Double) -> [String] {
        let check = conservation(exchange)
        var lines: [String] = []
        lines.append("conservation Σ balances == Σ deposits − Σ withdrawals: " + (check.holds ? "holds" : "BROKEN"))
        for (index, name) in DemoVenue.assetNames.enumerated() {
            let mark = check.held[index] == check.deposited[index] - check.withdrawn[index] ? "=" : "≠"
            lines.append("  \(pad(name, 5)) \(leftPad(amount(check.held[index], digits: 8), 24)) \(mark) "
                         + "\(amount(check.deposited[index], digits: 8)) − \(amount(check.withdrawn[index], digits: 8))")
        }
        lines.append("commands \(state.commands.grouped)  (\(format(commandsPerSecond, digits: 0))/s)   "
                     + "events \(state.events.grouped)   open orders \(state.openOrders.count.grouped)   "
                     + "pending withdrawals \(state.pendingWithdrawals.count)")
        let top = state.rejections.sorted { $0.value > $1.value }.prefix(3)
            .map { "\($0.value.grouped)× \($0.key)" }.joined(separator: "; ")
        lines.append("rejections \(state.rejectionCount.grouped)" + (top.isEmpty ? "" : ": " + top))
        return lines
    }

    // MARK: Book levels

    private struct Level { var price: Price; var quantity: Quantity; var orders: Int }

    /// The first `depth` price levels of one side (orders come best first).
    private func levels(_ orders: [Order]) -> [Level] {
        var result: [Level] = []
        for order in orders {
            if result.last?.price == order.price {
                result[result.count - 1].quantity += order.visibleQuantity
                result[result.count - 1].orders += 1
            } else {
                if result.count == Self.depth { break }
                result.append(Level(price: order.price, quantity: order.visibleQuantity, orders: 1))
            }
        }
        return result
    }

    private func levelLine(_ label: String, _ level: Level, _ market: DemoMarket) -> String {
        "\(label) \(pad(price(level.price, market), 14)) \(leftPad(quantity(level.quantity, market), 16))"
            + (level.orders > 1 ? " ×\(level.orders)" : "")
    }

    // MARK: Numbers

    private func price(_ units: Price, _ market: DemoMarket) -> String { amount(units, digits: market.priceDigits) }

    private func quantity(_ units: Quantity, _ market: DemoMarket) -> String {
        amount(units, digits: market.quantityDigits)
    }

    /// `units` of an 8-decimal asset shown with `digits` decimals (truncated), thousands grouped.
    func amount(_ units: Int64, digits: Int) -> String {
        precondition(digits >= 0 && digits <= 8, "an 8-decimal asset shows at most 8 decimals")
        var divisor: Int64 = 1
        for _ in 0..<(8 - digits) { divisor *= 10 }
        let shown = units / divisor
        var unit: Int64 = 1
        for _ in 0..<digits { unit *= 10 }
        let whole = (shown / unit).grouped
        guard digits > 0 else { return whole }
        let fraction = String(shown.magnitude % UInt64(unit))
        let sign = shown < 0 && shown / unit == 0 ? "-" : ""
        return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    private func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        return amount(scaled * Int64(100_000_000 / Int(scale)), digits: digits)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
