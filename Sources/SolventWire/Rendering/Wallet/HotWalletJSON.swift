import SolventCore

/// `GET /admin/v1/custody`: each chain-carried asset's hot wallet as the last custody pass found
/// it. `[{"asset":"BTC","hotBalance":"1.50000000","floor":"2.00000000","ceiling":null,
/// "needsRefill":true,"queued":[17],"incidents":["…"],"failure":null,"checkedAt":…}]`.
public enum HotWalletJSON {
    public struct Row: Sendable {
        public var asset: String
        public var scale: Scale
        public var hotBalance: Amount?
        public var floor: Amount
        public var ceiling: Amount?
        public var needsRefill: Bool
        public var queued: [WithdrawalId]
        public var incidents: [String]
        public var failure: String?
        public var checkedAt: Timestamp

        public init(asset: String, scale: Scale, hotBalance: Amount?, floor: Amount, ceiling: Amount?, needsRefill: Bool,
                    queued: [WithdrawalId], incidents: [String], failure: String?, checkedAt: Timestamp) {
            self.asset = asset
            self.scale = scale
            self.hotBalance = hotBalance
            self.floor = floor
            self.ceiling = ceiling
            self.needsRefill = needsRefill
            self.queued = queued
            self.incidents = incidents
            self.failure = failure
            self.checkedAt = checkedAt
        }
    }

    public static func render(_ rows: [Row]) -> [UInt8] {
        var writer = JSONWriter(capacity: 128 + rows.count * 256)
        writer.array { writer in
            for row in rows {
                writer.object { writer in
                    writer.field("asset", row.asset)
                    optionalAmount("hotBalance", row.hotBalance, row.scale, &writer)
                    writer.decimalField("floor", row.floor, scale: row.scale)
                    optionalAmount("ceiling", row.ceiling, row.scale, &writer)
                    writer.field("needsRefill", row.needsRefill)
                    writer.key("queued")
                    writer.array { writer in for id in row.queued { writer.int(id) } }
                    writer.key("incidents")
                    writer.array { writer in for incident in row.incidents { writer.string(incident) } }
                    writer.key("failure")
                    if let failure = row.failure { writer.string(failure) } else { writer.null() }
                    writer.field("checkedAt", row.checkedAt)
                }
            }
        }
        return writer.finish()
    }

    private static func optionalAmount(_ name: String, _ units: Amount?, _ scale: Scale, _ writer: inout JSONWriter) {
        writer.key(name)
        if let units { writer.decimal(units, scale: scale) } else { writer.null() }
    }
}
