/// The auditor's view (`/sapi/v1/solvent/audit`): every account, read-only, for keys that hold
/// the audit permission and nothing else. Every call is written to the access log first.
extension EndpointCatalog {
    public static let audit: [EndpointDeclaration] = [.auditAccounts, .auditExport, .auditJournalRecords, .auditAccessLog]
}

extension EndpointDeclaration {
    /// Every account: its state and its balances.
    public static let auditAccounts = auditView("/accounts", weight: 20)
    /// One account's orders or trades over a time range, as CSV or JSON lines, streamed.
    public static let auditExport = auditView("/export", weight: 100)
    /// Raw journal records, as the operator reads them (`/sapi/v1/solvent/records`): what an
    /// auditor replays (`solvent audit`) and checks against the journal's Merkle log.
    public static let auditJournalRecords = auditView("/records", weight: 20)
    /// The auditors' access log and the head of its hash chain.
    public static let auditAccessLog = auditView("/accessLog", weight: 20)

    private static func auditView(_ path: String, weight: RequestWeight) -> EndpointDeclaration {
        EndpointDeclaration("GET", proofPrefix + "/audit" + path, .audit, weight: weight)
    }
}
