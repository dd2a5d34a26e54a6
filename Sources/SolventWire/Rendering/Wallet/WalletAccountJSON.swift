import SolventCore

/// The wallet API's account shapes: a key's restrictions, assets' withdrawal details, trade fees.
public enum WalletAccountJSON {
    public static func apiRestrictions(ipRestricted: Bool, createdAt: Timestamp, read: Bool, trade: Bool,
                                       withdraw: Bool) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.object { writer in
            writer.field("ipRestrict", ipRestricted)
            writer.field("createTime", createdAt)
            writer.field("enableReading", read)
            writer.field("enableWithdrawals", withdraw)
            for off in ["enableInternalTransfer", "permitsUniversalTransfer", "enableMargin", "enableFutures",
                        "enableVanillaOptions", "enablePortfolioMarginTrading", "enableFixApiTrade", "enableFixReadOnly"] {
                writer.field(off, false)
            }
            writer.field("enableSpotAndMarginTrading", trade)
        }
        return writer.finish()
    }

    /// `{"BTC":{"minWithdrawAmount":"…","depositStatus":true,"withdrawFee":0.0001,…}}`; the fee
    /// is a JSON number here (wallet spec §2), written from its exact decimal text.
    public static func assetDetails(_ assets: [(asset: AssetSpec, enabled: Bool, fee: Amount)]) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 * max(1, assets.count))
        writer.object { writer in
            for (asset, enabled, fee) in assets {
                writer.key(asset.name)
                writer.object { writer in
                    writer.decimalField("minWithdrawAmount", fee + 1, scale: asset.scale)
                    writer.field("depositStatus", enabled)
                    writer.key("withdrawFee")
                    writer.raw(Array(DecimalText.format(fee, scale: asset.scale).utf8))
                    writer.field("withdrawStatus", enabled)
                    writer.field("depositTip", enabled ? "" : "No chain is connected.")
                }
            }
        }
        return writer.finish()
    }

    /// Rates as decimals: 10 basis points → "0.0010".
    public static func tradeFees(_ fees: FeeSchedule, symbols: [String]) -> [UInt8] {
        var writer = JSONWriter(capacity: 128 * max(1, symbols.count))
        writer.array { writer in
            for symbol in symbols {
                writer.object { writer in
                    writer.field("symbol", symbol)
                    writer.decimalField("makerCommission", Int64(fees.makerBasisPoints), scale: 4)
                    writer.decimalField("takerCommission", Int64(fees.takerBasisPoints), scale: 4)
                }
            }
        }
        return writer.finish()
    }
}
