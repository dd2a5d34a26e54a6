import Crypto
import SolventCore
import SolventProof

extension EpochAudit {
    /// Check 7: the reserve attestation verifies against the header (PROOF-FORMAT.md §11.4), and
    /// what it says the exchange's own accounts hold is what the replayed journal gives the fee
    /// account, so the customers' share of the liabilities is the journal's too. Returns the note
    /// for the report; an epoch without an attestation (published before them) gets a note only.
    static func checkReserves(_ attestation: [UInt8]?, header: [UInt8], key: Curve25519.Signing.PublicKey,
                              snapshot: LiabilitySnapshot) throws(AuditFailure) -> String {
        guard let attestation else { return "no reserve attestation for this epoch (published before attestations)" }
        let report: ReserveReport
        do {
            report = try ProofVerifier(publicKey: key).verifyReserves(attestation: attestation, header: header)
        } catch {
            throw .reservesInvalid("\(error)")
        }
        let own = snapshot.accountIds.firstIndex(of: UInt64(AccountId.feeAccount)).map { Array(snapshot.balances(row: $0)) }
        for (at, line) in report.lines.enumerated() {
            let replayed = own.map { UInt128($0[at]) } ?? 0
            guard line.exchangeOwned == replayed else {
                throw .reservesInvalid("\(line.solvency.asset.symbol): the exchange's own accounts hold \(replayed) units "
                                       + "in the journal, the attestation says \(line.exchangeOwned)")
            }
        }
        let wallets = report.lines.flatMap(\.wallets)
        let configured = report.lines.filter { $0.source == .configured }.map(\.solvency.asset.symbol)
        return "reserve attestation: \(wallets.filter(\.verified).count) of \(wallets.count) wallet signatures verified here"
            + (wallets.allSatisfy(\.verified) ? "" : " (the others with bitcoin-cli verifymessage)")
            + (configured.isEmpty ? "" : "; configured figures, not attested: \(configured.joined(separator: ", "))")
            + "; the exchange's own balances are the replayed fee account's"
    }
}
