import Foundation
import GRDB
import SolventCore
import SolventSurveillance

/// Surveillance's alerts and daily reports in their own SQLite file (`surveillance.sqlite`),
/// with the last sequence examined.
///
/// SQLite rather than an append-only file: an examined stretch of the journal is one transaction
/// (its new alerts, the reports it changed and the position), so after any crash the position
/// says exactly what was examined and nothing is flagged twice or skipped; reports are updated in
/// place; and GRDB is already how the history store keeps its projection. Durability is the
/// history store's (`synchronous = NORMAL`): what a power cut loses is a tail of transactions,
/// position included, which the journal hands the feed again at the next start.
public final class SQLiteSurveillanceStore: Sendable {
    private let database: any DatabaseWriter

    public convenience init(path: String) throws {
        try self.init(database: DatabaseOpening.file(path: path, durability: .rebuildable))
    }

    /// A store in memory, for tests.
    public convenience init(inMemory: Void = ()) throws {
        try self.init(database: DatabaseOpening.memory())
    }

    init(database: any DatabaseWriter) throws {
        self.database = database
        var migrator = DatabaseMigrator()
        migrator.registerMigration("surveillance.v1") { db in
            try db.execute(sql: """
                CREATE TABLE alerts (
                    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, market INTEGER NOT NULL, time INTEGER NOT NULL,
                    firstTime INTEGER NOT NULL, lastTime INTEGER NOT NULL, accounts TEXT NOT NULL,
                    orders TEXT NOT NULL, trades TEXT NOT NULL, preventedMatches TEXT NOT NULL,
                    prices TEXT NOT NULL, quantity INTEGER NOT NULL, detail TEXT NOT NULL);
                CREATE TABLE reports (
                    day INTEGER NOT NULL, market INTEGER NOT NULL, trades INTEGER NOT NULL, volume INTEGER NOT NULL,
                    open INTEGER NOT NULL, high INTEGER NOT NULL, low INTEGER NOT NULL, close INTEGER NOT NULL,
                    alerts TEXT NOT NULL, PRIMARY KEY (day, market));
                CREATE TABLE progress (id INTEGER PRIMARY KEY CHECK (id = 1), lastSequence INTEGER NOT NULL);
                INSERT INTO progress (id, lastSequence) VALUES (1, 0);
                """)
        }
        try migrator.migrate(database)
    }

    /// The last sequence examined (0: nothing yet).
    public func position() throws -> UInt64 {
        try database.read { db in UInt64(try Int64.fetchOne(db, sql: "SELECT lastSequence FROM progress") ?? 0) }
    }

    /// Records one examined stretch in one transaction: its alerts, the reports it changed, and
    /// the position it reached (never moving back).
    public func record(alerts: [SurveillanceAlert], reports: [DailyMarketReport], through sequence: UInt64) throws {
        try database.write { db in
            let held = UInt64(try Int64.fetchOne(db, sql: "SELECT lastSequence FROM progress") ?? 0)
            precondition(sequence >= held, "surveillance's position never moves back: \(held) then \(sequence)")
            for alert in alerts {
                precondition(alert.id > 0, "an alert is numbered before it is stored")
                try db.execute(sql: """
                    INSERT INTO alerts (id, kind, market, time, firstTime, lastTime, accounts, orders, trades,
                    preventedMatches, prices, quantity, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [alert.id, alert.kind.rawValue, Int64(alert.market), alert.time, alert.firstTime,
                                     alert.lastTime, Self.list(alert.accounts), Self.list(alert.orders),
                                     Self.list(alert.trades), Self.list(alert.preventedMatches), Self.list(alert.prices),
                                     alert.quantity, alert.detail])
            }
            for report in reports {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO reports (day, market, trades, volume, open, high, low, close, alerts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [report.day, Int64(report.market), report.trades, report.volume, report.open,
                                     report.high, report.low, report.close, Self.counts(report.alerts)])
            }
            try db.execute(sql: "UPDATE progress SET lastSequence = ? WHERE id = 1", arguments: [Int64(sequence)])
        }
    }

    /// What surveillance continues from: the newest `alertsMax` alerts, every kind's count, the
    /// next id, and the reports of the newest `daysMax` days.
    public func load(alertsMax: Int, daysMax: Int64) throws -> SurveillanceMemory {
        try database.read { db in
            let alerts = try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT * FROM alerts ORDER BY id DESC LIMIT ?) ORDER BY id
                """, arguments: [alertsMax]).map(Self.alert)
            var counts: [SurveillanceAlert.Kind: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM alerts GROUP BY kind") {
                guard let kind = SurveillanceAlert.Kind(rawValue: row["kind"]) else { throw Self.damaged("kind") }
                counts[kind] = row["n"] as Int64
            }
            let lastId = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM alerts") ?? 0
            let newestDay = try Int64.fetchOne(db, sql: "SELECT MAX(day) FROM reports") ?? 0
            let reports = try Row.fetchAll(db, sql: "SELECT * FROM reports WHERE day > ? ORDER BY day, market",
                                           arguments: [newestDay - daysMax]).map(Self.report)
            return SurveillanceMemory(alerts: alerts, counts: counts, nextId: lastId + 1, reports: reports)
        }
    }

    private static func alert(_ row: Row) throws -> SurveillanceAlert {
        guard let kind = SurveillanceAlert.Kind(rawValue: row["kind"]) else { throw damaged("kind") }
        return SurveillanceAlert(
            id: row["id"], kind: kind, market: MarketId(row["market"] as Int64), time: row["time"],
            firstTime: row["firstTime"], lastTime: row["lastTime"], accounts: try integers(row["accounts"]),
            orders: try integers(row["orders"]), trades: try integers(row["trades"]),
            preventedMatches: try integers(row["preventedMatches"]), prices: try integers(row["prices"]),
            quantity: row["quantity"], detail: row["detail"])
    }

    private static func report(_ row: Row) throws -> DailyMarketReport {
        var report = DailyMarketReport(day: row["day"], market: MarketId(row["market"] as Int64))
        report.trades = row["trades"]
        report.volume = row["volume"]
        report.open = row["open"]
        report.high = row["high"]
        report.low = row["low"]
        report.close = row["close"]
        for pair in (row["alerts"] as String).split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let kind = SurveillanceAlert.Kind(rawValue: String(parts[0])),
                  let count = Int64(parts[1]) else { throw damaged("report alerts") }
            report.alerts[kind] = count
        }
        return report
    }

    /// Evidence lists as comma-separated integers: short (at most `evidenceMax`), read only whole.
    private static func list(_ values: [some BinaryInteger]) -> String {
        values.map { String($0) }.joined(separator: ",")
    }

    private static func integers<Value: FixedWidthInteger>(_ text: String) throws -> [Value] {
        try text.split(separator: ",").map { part in
            guard let value = Value(part) else { throw damaged("evidence") }
            return value
        }
    }

    private static func counts(_ counts: [SurveillanceAlert.Kind: Int64]) -> String {
        counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")
    }

    private static func damaged(_ what: String) -> SurveillanceStoreError { SurveillanceStoreError(what: what) }
}

/// A row the store cannot read back.
public struct SurveillanceStoreError: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "the surveillance store holds an unreadable \(what)" }
}
