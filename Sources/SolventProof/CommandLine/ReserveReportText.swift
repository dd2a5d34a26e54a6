/// The printout of a checked reserve attestation: per asset liabilities (customers', the
/// exchange's own, total), reserves and ratio, then each wallet and how its signature was checked.
enum ReserveReportText {
    static func render(_ report: ReserveReport) -> String {
        let header = report.header
        var lines = [
            "VALID: reserve attestation of epoch \(header.epoch) of exchange \(header.exchangeId)",
            "header \(report.headerHash.hex), key \(header.keyId)",
            "",
        ]
        var table = [["asset", "customers", "exchange's own", "liabilities", "reserves", "reserves/liabilities", "", "reserves from"]]
        for line in report.lines {
            let scale = line.solvency.asset.scale
            let verified = line.wallets.filter(\.verified).count
            table.append([line.solvency.asset.symbol, AmountText.format(line.customerLiabilities, scale: scale),
                          AmountText.format(line.exchangeOwned, scale: scale),
                          AmountText.format(line.solvency.liabilities, scale: scale),
                          AmountText.format(line.solvency.reserves, scale: scale), line.solvency.ratioText,
                          line.solvency.isSolvent ? "solvent" : "INSOLVENT",
                          line.source == .chain ? "chain: \(line.wallets.count) wallets, \(verified) signatures verified here"
                              : "configured figure: the operator's claim, not attested"])
        }
        lines += TextTable.aligned(table)
        for line in report.lines where !line.wallets.isEmpty {
            lines.append("")
            for check in line.wallets { lines += walletLines(check, asset: line.solvency.asset) }
        }
        lines.append("")
        lines.append(verdict(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func walletLines(_ check: WalletCheck, asset: ProofAsset) -> [String] {
        let entry = check.entry
        let head = "\(asset.symbol) \(entry.wallet) \(entry.address): \(AmountText.format(UInt128(entry.balance), scale: asset.scale))"
            + " at height \(entry.height) (block \(entry.blockHash.hex))"
        if check.verified { return [head + ": signature verified (\(entry.scheme.rawValue))"] }
        return [head + ": signature NOT verified here (\(entry.scheme.rawValue), secp256k1); check it with",
                "  bitcoin-cli verifymessage \(entry.address) \(Base64.encode(entry.signature)) '\(check.challenge)'"]
    }

    private static func verdict(_ report: ReserveReport) -> String {
        if !report.isSolvent { return "verdict: valid but INSOLVENT in at least one asset" }
        if report.isFullyVerified { return "verdict: valid and solvent; every reserve verified here" }
        return "verdict: valid and solvent on these figures, but not every reserve is verified here (see above)"
    }
}
