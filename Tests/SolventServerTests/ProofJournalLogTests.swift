import Crypto
import Foundation
@testable import SolventServer
import SolventProof
import Testing

/// The journal's Merkle log through the API: checkpoints signed with the published key, the
/// epoch's journal root equal to the checkpoint's, inclusion and consistency proofs that verify,
/// and raw records whose hashes are the log's leaves.
@Suite(.serialized) struct ProofJournalLogTests {
    static func dictionary(_ answer: HTTPAnswer) -> [String: Any] { answer.json as? [String: Any] ?? [:] }

    @Test func checkpointsAndProofsVerifyAgainstThePublishedKey() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.account()
        let header = try SignedEpochHeader(json: try await server.admin("POST", "/admin/v1/solvent/epoch", [:]).text)
        let keyHex = Self.dictionary(try await server.send("GET", "/sapi/v1/solvent/key"))["publicKey"] as! String
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: try Self.bytes(keyHex))

        let atEpoch = Self.dictionary(try await server.send("GET", "/sapi/v1/solvent/checkpoint"))
        let epochCheckpoint = try SignedCheckpoint(note: atEpoch["note"] as! String)
        try epochCheckpoint.verify(publicKey: key)
        #expect(epochCheckpoint.checkpoint.size == header.header.journalSize)
        #expect(epochCheckpoint.checkpoint.root.bytes == header.header.journalRoot.bytes)

        _ = try await server.account()
        let fresh = try SignedCheckpoint(note: Self.dictionary(
            try await server.send("GET", "/sapi/v1/solvent/checkpoint", query: "fresh=true"))["note"] as! String)
        try fresh.verify(publicKey: key)
        #expect(fresh.checkpoint.size > epochCheckpoint.checkpoint.size)

        let (older, newer) = (epochCheckpoint.checkpoint, fresh.checkpoint)
        let consistency = Self.dictionary(try await server.send(
            "GET", "/sapi/v1/solvent/consistency", query: "first=\(older.size)&second=\(newer.size)"))
        let proof = LogConsistencyProof(first: older.size, second: newer.size, path: try Self.hashes(consistency["path"]))
        #expect(try CheckpointComparison.compare(epochCheckpoint, fresh, proof: proof, publicKey: key) == .extends)

        // The journal's records are the operator's by default: not on the public listener, and
        // on the admin one only with the token.
        #expect(try await server.send("GET", "/sapi/v1/solvent/records", query: "fromSequence=1&limit=10").status == 404)
        #expect(try await server.send("GET", "/sapi/v1/solvent/records", query: "fromSequence=1&limit=10",
                                      on: .admin).status == 401)
        let records = try await server.send("GET", "/sapi/v1/solvent/records", query: "fromSequence=1&limit=1000",
                                            headers: ["X-Solvent-Admin-Token": try server.adminToken()], on: .admin)
        let list = records.json as! [[String: Any]]
        #expect(UInt64(list.count) >= newer.size)
        for sequence in [1, Int(older.size), Int(newer.size)] {
            let record = list[sequence - 1]
            #expect(record["sequence"] as? Int == sequence)
            let leaf = LogHasher.leaf(try Self.bytes(record["data"] as! String))
            let inclusion = Self.dictionary(try await server.send(
                "GET", "/sapi/v1/solvent/inclusion", query: "sequence=\(sequence)&size=\(newer.size)"))
            #expect(inclusion["leafHash"] as? String == leaf.hex)
            try LogInclusionProof(index: UInt64(sequence - 1), size: newer.size, path: try Self.hashes(inclusion["path"]))
                .verify(leaf: leaf, root: newer.root)
        }
    }

    static func bytes(_ hex: String) throws -> [UInt8] {
        try Hex.decode(hex, byteCount: hex.utf8.count / 2).get()
    }

    static func hashes(_ value: Any?) throws -> [LogHash] {
        try (value as! [String]).map { try #require(LogHash(hex: $0)) }
    }
}
