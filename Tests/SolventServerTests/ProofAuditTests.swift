import Foundation
import SolventAudit
import SolventJournal
@testable import SolventServer
import Testing

/// `solvent audit`: the epoch's journal prefix replayed with the project's code gives the
/// signed journal root, liabilities and tree root; an edited or truncated journal fails with
/// its own reason.
@Suite(.serialized) struct ProofAuditTests {
    /// A copy of what the offline audit reads (journal, proof keys and epochs, master key) from a
    /// server that traded and published epoch 1.
    static func auditedCopy() async throws -> (copy: String, server: TestServer) {
        let (server, _, _) = try await ProofEndToEndTests.tradedServer()
        _ = try await server.admin("POST", "/admin/v1/solvent/epoch", [:])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-audit-\(UUID())").path
        let copy = root + "/data"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for item in ["journal", "proof"] {
            try FileManager.default.copyItem(atPath: server.directory + "/" + item, toPath: copy + "/" + item)
        }
        // The master key lives beside the data directory, and the copy keeps it there.
        try FileManager.default.copyItem(atPath: server.root + "/data.master.key", toPath: root + "/data.master.key")
        return (copy, server)
    }

    static func segment(_ copy: String) throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: copy + "/journal").filter { $0.hasSuffix(".log") }
            .sorted().first!
        return copy + "/journal/" + name
    }

    /// The byte offsets of each frame in a segment.
    static func frameOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            offsets.append(offset)
            let length = Int(UInt32(littleEndian: bytes[offset..<offset + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
            offset += 8 + length
        }
        return offsets
    }

    @Test func anUntouchedJournalPassesEveryCheck() async throws {
        let (copy, server) = try await Self.auditedCopy()
        defer { Task { await server.stop() } }
        let report = try EpochAudit.offline(dataDirectory: copy, epoch: 1)
        #expect(report.treeRootChecked)
        #expect(report.solvency.allSatisfy { $0.isSolvent })
        let remote = try await RemoteAudit.run(
            baseURL: "http://127.0.0.1:\(server.port)", publicKeyHex: try Self.publicKey(server), epoch: 1,
            operatorAccess: .init(adminURL: "http://127.0.0.1:\(server.adminPort)", token: try server.adminToken()))
        #expect(remote.journalRoot == report.journalRoot)
        #expect(!remote.treeRootChecked)
    }

    /// One record's time changed and its CRC recomputed: the frame is intact, the replay still
    /// runs, only the Merkle root can tell.
    @Test func anEditedRecordFailsTheJournalRoot() async throws {
        let (copy, server) = try await Self.auditedCopy()
        defer { Task { await server.stop() } }
        let path = try Self.segment(copy)
        var bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let offset = Self.frameOffsets(bytes)[2]
        let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        bytes[offset + 16] &+= 1
        let crc = CRC32C.checksum(bytes[(offset + 8)..<(offset + 8 + length)],
                                  continuing: CRC32C.checksum(bytes[offset..<(offset + 4)]))
        withUnsafeBytes(of: crc.littleEndian) { for index in 0..<4 { bytes[offset + 4 + index] = $0[index] } }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: AuditFailure.self) { try EpochAudit.offline(dataDirectory: copy, epoch: 1) }
        guard case .journalRootMismatch = error else {
            Issue.record("expected a journal root mismatch, got \(String(describing: error))")
            return
        }
    }

    @Test func aTruncatedJournalIsTooShort() async throws {
        let (copy, server) = try await Self.auditedCopy()
        defer { Task { await server.stop() } }
        let path = try Self.segment(copy)
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let offsets = Self.frameOffsets(bytes)
        try Data(bytes[..<offsets[5]]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: AuditFailure.self) { try EpochAudit.offline(dataDirectory: copy, epoch: 1) }
        guard case .journalTooShort(let found, _, _) = error else {
            Issue.record("expected a short journal, got \(String(describing: error))")
            return
        }
        #expect(found == 5)
    }

    @Test func aForgedHeaderFailsItsSignature() async throws {
        let (copy, server) = try await Self.auditedCopy()
        defer { Task { await server.stop() } }
        let path = copy + "/proof/epochs/00000000000000000001.header.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let forged = text.replacingOccurrences(of: "\"reserves\":\"12.00000000\"", with: "\"reserves\":\"99.00000000\"")
        #expect(forged != text)
        try forged.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: AuditFailure.badHeaderSignature) { try EpochAudit.offline(dataDirectory: copy, epoch: 1) }
    }

    static func publicKey(_ server: TestServer) async throws -> String {
        let answer = try await server.send("GET", "/sapi/v1/solvent/key")
        return (answer.json as! [String: Any])["publicKey"] as! String
    }
}
