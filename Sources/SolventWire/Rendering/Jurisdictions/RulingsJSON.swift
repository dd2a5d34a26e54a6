import SolventCore

/// `GET /admin/v1/rulings`: the rulings in force (one per asset and place, by asset then place)
/// and the whole history, oldest first, each with its case reference, operator and reason.
public enum RulingsJSON {
    public static func render(inForce: [RulingRecord], history: [RulingRecord], assets: [AssetSpec]) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 * max(1, inForce.count + history.count))
        writer.object { writer in
            writer.key("inForce")
            writer.array { writer in for record in inForce { write(record, assets, &writer) } }
            writer.key("history")
            writer.array { writer in for record in history { write(record, assets, &writer) } }
        }
        return writer.finish()
    }

    private static func write(_ record: RulingRecord, _ assets: [AssetSpec], _ writer: inout JSONWriter) {
        let ruling = record.ruling
        writer.object { writer in
            writer.field("id", record.id)
            writer.field("asset", Int(ruling.asset) < assets.count ? assets[Int(ruling.asset)].name : "\(ruling.asset)")
            writer.field("jurisdiction", ruling.jurisdiction.code)
            writer.field("status", ruling.standing.wireName)
            writer.field("effectiveTime", ruling.effectiveAt)
            writer.field("recordedTime", record.recordedAt)
            writer.key("enforcedTime")
            if let enforcedAt = record.enforcedAt { writer.int(enforcedAt) } else { writer.null() }
            writer.field("reference", ruling.action.reference)
            writer.field("operator", ruling.action.operatorName)
            writer.field("reason", ruling.action.reason)
        }
    }
}
