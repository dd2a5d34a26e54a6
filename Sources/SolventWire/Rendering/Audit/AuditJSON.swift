import SolventCore

/// The auditor's JSON answers that are not exports.
public enum AuditJSON {
    /// One account as the auditor sees it: its state and its balances that are not zero.
    public struct AccountRow: Sendable {
        public var account: AccountId
        public var frozen: Bool
        public var canTrade: Bool
        public var balances: [AssetBalance]

        public init(account: AccountId, frozen: Bool, canTrade: Bool, balances: [AssetBalance]) {
            self.account = account
            self.frozen = frozen
            self.canTrade = canTrade
            self.balances = balances
        }
    }

    /// `{"accounts":[{"account":1,"frozen":false,"canTrade":true,"balances":[{"asset":…,"free":…,"locked":…}]}],"next":…}`;
    /// `next` is the account to ask from for the next page, absent on the last.
    public static func accounts(_ rows: [AccountRow], next: AccountId?) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + rows.count * 160)
        writer.object { writer in
            writer.key("accounts")
            writer.array { writer in
                for row in rows {
                    writer.object { writer in
                        writer.field("account", Int64(row.account))
                        writer.field("frozen", row.frozen)
                        writer.field("canTrade", row.canTrade)
                        writer.key("balances")
                        writer.array { writer in
                            for balance in row.balances {
                                writer.object { writer in
                                    writer.field("asset", balance.asset)
                                    writer.decimalField("free", balance.balance.free, scale: balance.scale)
                                    writer.decimalField("locked", balance.balance.locked, scale: balance.scale)
                                }
                            }
                        }
                    }
                }
            }
            if let next { writer.field("next", Int64(next)) }
        }
        return writer.finish()
    }

    /// `{"head":{"index":n,"hash":"…"},"intact":true,"brokenAt":k?,"journaledHead":{"index","hash"}|null,
    /// "matchesJournal":true|null,"entries":[<the log's lines>]}`: the lines exactly as written, so an
    /// auditor re-hashes the very bytes; `matchesJournal` is null before a head is journaled.
    public static func accessLog(headIndex: UInt64, headHash: String, brokenAt: UInt64?,
                                 journaled: (index: UInt64, hash: String, matches: Bool)?, lines: [String]) -> [UInt8] {
        var out = Array("{\"head\":{\"index\":\(headIndex),\"hash\":\"\(headHash)\"},\"intact\":\(brokenAt == nil)".utf8)
        if let brokenAt { out.append(contentsOf: Array(",\"brokenAt\":\(brokenAt)".utf8)) }
        if let journaled {
            out.append(contentsOf: Array(",\"journaledHead\":{\"index\":\(journaled.index),\"hash\":\"\(journaled.hash)\"}".utf8))
            out.append(contentsOf: Array(",\"matchesJournal\":\(journaled.matches)".utf8))
        } else {
            out.append(contentsOf: Array(",\"journaledHead\":null,\"matchesJournal\":null".utf8))
        }
        out.append(contentsOf: Array(",\"entries\":[".utf8))
        for (at, line) in lines.enumerated() {
            if at > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(line.utf8))
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }
}
