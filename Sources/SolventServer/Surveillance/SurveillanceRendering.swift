import SolventCore
import SolventSurveillance
import SolventWire

/// Alerts and daily reports as the admin surface shows them: JSON, or CSV for export. Prices in
/// the market's quote asset, quantities in its base asset, times in engine milliseconds.
struct SurveillanceRendering {
    let listings: Catalog.Listings

    private func scales(_ market: MarketId) -> (symbol: String, base: Scale, quote: Scale) {
        guard Int(market) < listings.markets.count else { return ("?", 0, 0) }
        let spec = listings.markets[Int(market)]
        let scale = { (asset: AssetId) in Int(asset) < listings.assets.count ? listings.assets[Int(asset)].scale : 0 }
        return (spec.symbol, scale(spec.base), scale(spec.quote))
    }

    func json(_ alerts: [SurveillanceAlert]) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * max(1, alerts.count))
        writer.array { writer in
            for alert in alerts {
                let (symbol, base, quote) = scales(alert.market)
                writer.object { writer in
                    writer.field("id", alert.id)
                    writer.field("kind", alert.kind.rawValue)
                    writer.field("symbol", symbol)
                    writer.field("time", alert.time)
                    writer.field("firstTime", alert.firstTime)
                    writer.field("lastTime", alert.lastTime)
                    list(&writer, "accounts", alert.accounts.map(Int64.init))
                    list(&writer, "orderIds", alert.orders)
                    list(&writer, "tradeIds", alert.trades)
                    list(&writer, "preventedMatchIds", alert.preventedMatches)
                    writer.key("prices")
                    writer.array { writer in alert.prices.forEach { writer.decimal($0, scale: quote) } }
                    writer.decimalField("quantity", alert.quantity, scale: base)
                    writer.field("detail", alert.detail)
                }
            }
        }
        return writer.finish()
    }

    private func list(_ writer: inout JSONWriter, _ name: String, _ values: [Int64]) {
        writer.key(name)
        writer.array { writer in values.forEach { writer.int($0) } }
    }

    static let csvHeader = "id,kind,symbol,time,firstTime,lastTime,accounts,orderIds,tradeIds,preventedMatchIds,prices,quantity,detail\n"

    /// One line per alert; lists are space-separated within their field.
    func csv(_ alerts: [SurveillanceAlert]) -> [UInt8] {
        var text = Self.csvHeader
        for alert in alerts {
            let (symbol, base, quote) = scales(alert.market)
            let fields = [
                String(alert.id), alert.kind.rawValue, symbol, String(alert.time), String(alert.firstTime),
                String(alert.lastTime), joined(alert.accounts.map(Int64.init)), joined(alert.orders), joined(alert.trades),
                joined(alert.preventedMatches),
                alert.prices.map { DecimalText.format($0, scale: quote) }.joined(separator: " "),
                DecimalText.format(alert.quantity, scale: base),
                "\"" + alert.detail.replacingOccurrences(of: "\"", with: "\"\"") + "\"",
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    private func joined(_ values: [Int64]) -> String { values.map(String.init).joined(separator: " ") }

    /// `alertIds` are the kept alerts of each report's day and market.
    func json(_ reports: [DailyMarketReport], alerts: [SurveillanceAlert]) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * max(1, reports.count))
        writer.array { writer in
            for report in reports {
                let (symbol, base, quote) = scales(report.market)
                let date = CivilCalendar.date(fromDays: report.day)
                writer.object { writer in
                    writer.field("date", Self.text(date))
                    writer.field("symbol", symbol)
                    writer.field("trades", report.trades)
                    writer.decimalField("volume", report.volume, scale: base)
                    for (name, price) in [("open", report.open), ("high", report.high), ("low", report.low),
                                          ("close", report.close)] {
                        writer.decimalField(name, price, scale: quote)
                    }
                    writer.key("alerts")
                    writer.object { writer in
                        for kind in SurveillanceAlert.Kind.allCases { writer.field(kind.rawValue, report.alerts[kind] ?? 0) }
                    }
                    list(&writer, "alertIds", alerts.filter {
                        $0.market == report.market && DailyMarketReport.day(of: $0.time) == report.day
                    }.map(\.id))
                }
            }
        }
        return writer.finish()
    }

    static func text(_ date: (year: Int64, month: Int64, day: Int64)) -> String {
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }
}
