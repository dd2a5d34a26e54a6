/// The verifier's printout of a valid proof: whose, which epoch, the user's balances, and per
/// asset liabilities against reserves.
enum ReportText {
    static func render(_ report: VerificationReport) -> String {
        let header = report.header
        var lines = [
            "VALID: account \(report.accountId) is in epoch \(header.epoch) of exchange \(header.exchangeId)",
            "header \(report.headerHash.hex), key \(header.keyId), leaves \(report.leafIndices.map(String.init).joined(separator: ", ")) of 2^\(header.height)",
            "journal: \(header.journalSize) records, root \(header.journalRoot.hex); snapshot at \(header.snapshotTimeMs) ms",
            "chain: \(chainText(report.chain))",
            "",
        ]
        var table = [["asset", "your balance", "liabilities", "reserves", "reserves/liabilities", ""]]
        for (at, line) in report.solvency.enumerated() {
            let scale = line.asset.scale
            table.append([line.asset.symbol, AmountText.format(report.balances[at], scale: scale),
                          AmountText.format(line.liabilities, scale: scale), AmountText.format(line.reserves, scale: scale),
                          line.ratioText, line.isSolvent ? "solvent" : "INSOLVENT"])
        }
        lines += TextTable.aligned(table)
        lines.append("")
        lines.append(report.isSolvent ? "verdict: valid and solvent" : "verdict: valid but INSOLVENT in at least one asset")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func chainText(_ chain: ChainStatus) -> String {
        switch chain {
        case .notChecked: "not checked (pass --previous with the last header you verified)"
        case .sameHeader: "same header as the previous one"
        case .linked(let epoch): "follows epoch \(epoch), linked by its hash"
        case .gap(let epoch): "newer than epoch \(epoch); the epochs in between were not checked"
        }
    }
}
