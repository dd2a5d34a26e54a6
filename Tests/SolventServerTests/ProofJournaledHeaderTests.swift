import Foundation
import SolventAudit
import SolventCore
import SolventJournal
import SolventProof
@testable import SolventServer
import Testing

/// Each published epoch's signed header is a `publishEpoch` command in the journal, so the
/// journal's Merkle log fixes it: the engine refuses a second header for the epoch, and the
/// audit, offline and remote, fails a stored or served header that is not the journaled one.
@Suite(.serialized) struct ProofJournaledHeaderTests {
    static func headerPath(_ directory: String) -> String {
        directory + "/proof/epochs/00000000000000000001.header.json"
    }

    static func storedHeader(_ directory: String) throws -> SignedEpochHeader {
        try SignedEpochHeader(json: [UInt8](FileManager.default.contents(atPath: headerPath(directory))!))
    }

    /// Epoch 1's header with other reserves, signed with the exchange's own key: what an
    /// equivocating exchange could show one of its users.
    static func otherHeader(_ copy: String) throws -> SignedEpochHeader {
        var header = try storedHeader(copy).header
        header.reserves[0] += 1
        let keys = try ProofKeys(directory: copy + "/proof", masterKey: MasterKey(path: try DataDirectory(copy).masterKey))
        return try header.sign(with: keys.signingKey)
    }

    /// Every `publishEpoch` in the journal, with its record's sequence.
    static func journaledPublications(_ journal: String) throws -> [(UInt64, EpochPublication)] {
        var found: [(UInt64, EpochPublication)] = []
        _ = try JournalReader(directory: journal).frames(after: 0) { frame in
            if case .publishEpoch(let publication) = try Command.decode(Array(frame.body.dropFirst(16))) {
                found.append((frame.record.sequence, publication))
            }
        }
        return found
    }

    @Test func aPublishedEpochsHeaderIsInTheJournalAfterTheRecordsItNames() async throws {
        let (copy, server) = try await ProofAuditTests.auditedCopy()
        defer { Task { await server.stop() } }
        let header = try Self.storedHeader(copy)
        let journaled = try Self.journaledPublications(copy + "/journal")
        try #require(journaled.count == 1)
        let (sequence, publication) = journaled[0]
        #expect(header.isJournaled(as: publication))
        #expect(sequence > header.header.journalSize)
        let report = try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        #expect(report.notes.contains("the header is the one journaled at record \(sequence)"))
        let remote = try await RemoteAudit.run(baseURL: "http://127.0.0.1:\(server.port)",
                                               publicKeyHex: try await ProofAuditTests.publicKey(server), epoch: 1,
                                               operatorAccess: .init(adminURL: "http://127.0.0.1:\(server.adminPort)",
                                                                     token: try server.adminToken()))
        #expect(remote.notes.contains("the header is the one journaled at record \(sequence)"))
    }

    @Test func aStoredHeaderThatIsNotTheJournaledOneFailsBothAudits() async throws {
        let (copy, server) = try await ProofAuditTests.auditedCopy()
        defer { Task { await server.stop() } }
        let sequence = try Self.journaledPublications(copy + "/journal")[0].0
        let other = try Self.otherHeader(copy)
        for directory in [copy, server.directory] {
            try other.json.write(toFile: Self.headerPath(directory), atomically: true, encoding: .utf8)
        }
        #expect(throws: AuditFailure.headerNotTheJournaled(epoch: 1, sequence: sequence)) {
            try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        }
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch").text == other.json, "the server serves it")
        await #expect(throws: AuditFailure.headerNotTheJournaled(epoch: 1, sequence: sequence)) {
            try await RemoteAudit.run(baseURL: "http://127.0.0.1:\(server.port)",
                                      publicKeyHex: try await ProofAuditTests.publicKey(server), epoch: 1,
                                      operatorAccess: .init(adminURL: "http://127.0.0.1:\(server.adminPort)",
                                                                     token: try server.adminToken()))
        }
        #expect(AuditFailure.headerNotTheJournaled(epoch: 1, sequence: sequence).description
            .contains("not the one journaled at record \(sequence)"))
    }

    @Test func aSecondHeaderForAnEpochIsRefusedAndTheFirstStaysTheJournaledOne() async throws {
        let (copy, server) = try await ProofAuditTests.auditedCopy()
        defer { Task { await server.stop() } }
        let first = try Self.storedHeader(copy)
        let sequencer = try Sequencer(directory: copy + "/journal")
        let outcome = try await sequencer.execute(.publishEpoch(try Self.otherHeader(copy).publication))
        #expect(Array(outcome.events) == [.rejected(Rejection(.epochNotIncreasing))])
        #expect(try await sequencer.inspect { $0.engine.latestEpoch } == first.publication)
        sequencer.stop()
        #expect(try Self.journaledPublications(copy + "/journal").count == 2, "refused, but journaled")
        let report = try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        #expect(report.notes.contains { $0.hasPrefix("the header is the one journaled") })
    }

    @Test func anEpochWithoutAJournaledHeaderFailsTheAudit() async throws {
        let (copy, server) = try await ProofAuditTests.auditedCopy()
        defer { Task { await server.stop() } }
        // The journal cut right after the records epoch 1 names: its header's record is gone.
        let header = try Self.storedHeader(copy)
        let path = try ProofAuditTests.segment(copy)
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let offsets = ProofAuditTests.frameOffsets(bytes)
        try #require(offsets.count > Int(header.header.journalSize))
        try Data(bytes[..<offsets[Int(header.header.journalSize)]]).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditFailure.headerNotJournaled(epoch: 1)) { try EpochAudit.offline(dataDirectory: copy, epoch: 1) }
    }
}
