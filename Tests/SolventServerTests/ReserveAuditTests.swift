import Foundation
import SolventAudit
import SolventProof
@testable import SolventServer
import Testing

/// `solvent audit` checks the epoch's reserve attestation too: offline and over the API it
/// verifies, and an attestation re-signed with the exchange's own key but misstating what the
/// exchange's fee account holds fails against the replayed journal.
@Suite(.serialized) struct ReserveAuditTests {
    @Test func theAuditChecksTheAttestationAndTheExchangesOwnFigures() async throws {
        let (copy, server) = try await ProofAuditTests.auditedCopy()
        defer { Task { await server.stop() } }
        let report = try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        let note = try #require(report.notes.first { $0.hasPrefix("reserve attestation") })
        #expect(note.contains("configured figures, not attested: BTC, USDT"), "no chain in this server: \(note)")
        let remote = try await RemoteAudit.run(
            baseURL: "http://127.0.0.1:\(server.port)", publicKeyHex: try await ProofAuditTests.publicKey(server), epoch: 1,
            operatorAccess: .init(adminURL: "http://127.0.0.1:\(server.adminPort)", token: try server.adminToken()))
        #expect(remote.notes.contains(note))

        let path = copy + "/proof/epochs/" + String(repeating: "0", count: 19) + "1.reserves.json"
        let stored = try SignedReserveAttestation(json: Array(try #require(FileManager.default.contents(atPath: path))))
        var misstated = stored.attestation
        misstated.assets[0].exchangeOwned += 1
        let keys = try ProofKeys(directory: copy + "/proof",
                                 masterKey: MasterKey(path: URL(fileURLWithPath: copy).deletingLastPathComponent().path + "/data.master.key"))
        try Data(try misstated.sign(with: keys.signingKey).json.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        } throws: { error in
            guard case .reservesInvalid(let reason) = error as? AuditFailure else { return false }
            return reason.contains("in the journal")
        }
    }
}
