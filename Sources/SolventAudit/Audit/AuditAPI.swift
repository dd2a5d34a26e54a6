/// What the server's proof API promises the remote audit, defined once for both sides.
package enum AuditAPI {
    /// Most journal records one `GET /api/v3/proof/journal/records` page holds.
    package static let recordsPageMax = 1_000
    /// The header that carries the operator's admin token (records that are not public).
    package static let adminTokenHeader = "X-Solvent-Admin-Token"
}
