import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SolventProof

/// `solvent audit --url`: the audit a third party runs against a live exchange with nothing but
/// the public API and the exchange's pinned public key. It fetches the epoch's header and the
/// journal records it names (the auditor's own copy of the journal prefix), replays them, checks
/// the journal root and the liabilities, reads on to the record that journaled the epoch's header
/// and checks it is the served one, then asks for a fresh checkpoint and a consistency proof from
/// the records it read to it: they are the signed log's, and the log was only appended to since.
public enum RemoteAudit {
    /// Where the records are read when the exchange keeps its journal private (the default):
    /// the server's admin listener, with the admin token. Then only its operator, from a host
    /// that reaches that listener (loopback by default), can run this audit.
    public struct OperatorAccess: Sendable {
        public let adminURL: String
        public let token: String

        public init(adminURL: String, token: String) {
            self.adminURL = adminURL
            self.token = token
        }
    }

    public static func run(baseURL: String, publicKeyHex: String, epoch: UInt64, operatorAccess: OperatorAccess? = nil)
        async throws(AuditFailure)
        -> EpochAudit.Report {
        guard let keyBytes = try? Hex.decode(publicKeyHex, byteCount: 32).get(),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes) else {
            throw .source("the key must be 64 lowercase hex characters of an Ed25519 public key")
        }
        let headerBytes = try await fetch(baseURL, "/sapi/v1/solvent/epoch?epoch=\(epoch)")
        let signed = try EpochAudit.header(epoch) { headerBytes }
        try EpochAudit.check(signed, key: key)
        let header = signed.header
        var replay = JournalReplay()
        while replay.size < header.journalSize {
            let limit = min(UInt64(AuditAPI.recordsPageMax), header.journalSize - replay.size)
            guard try await feedPage(baseURL, operatorAccess, limit: limit, into: &replay) else { break }
        }
        try EpochAudit.checkJournal(replay, header, damage: nil)
        let snapshot = try EpochAudit.checkLiabilities(replay, header)
        // The header's own record comes after the records it names: read on until it turns up.
        while replay.publications[epoch] == nil,
              try await feedPage(baseURL, operatorAccess, limit: UInt64(AuditAPI.recordsPageMax), into: &replay) {}
        let journaled = try EpochAudit.checkJournaled(signed, replay)
        // An epoch published before attestations has none (-9101): the check says so.
        let attestation = try? await fetch(baseURL, "/sapi/v1/solvent/reserves?epoch=\(epoch)")
        let reserves = try EpochAudit.checkReserves(attestation, header: headerBytes, key: key, snapshot: snapshot)
        let note = try await checkAppendOnly(baseURL, replay, key: key)
        return EpochAudit.Report(epoch: epoch, journalSize: header.journalSize, journalRoot: header.journalRoot.hex,
                                 solvency: header.solvency, treeRootChecked: false, notes: [journaled, reserves, note])
    }

    /// Feeds `replay` the next page of records (from the admin listener when the journal is
    /// private); false when there were none.
    private static func feedPage(_ baseURL: String, _ operatorAccess: OperatorAccess?, limit: UInt64,
                                 into replay: inout JournalReplay) async throws(AuditFailure) -> Bool {
        let page = try await records(operatorAccess?.adminURL ?? baseURL, from: replay.size + 1, limit: limit,
                                     adminToken: operatorAccess?.token)
        for data in page { try replay.feed(data) }
        return !page.isEmpty
    }

    /// A fresh checkpoint must extend the log of the records replayed (RFC 9162 consistency
    /// proof): those records, the epoch's journal and its header's record among them, are the
    /// signed log's, and nothing in them was rewritten since.
    private static func checkAppendOnly(_ baseURL: String, _ replay: JournalReplay,
                                        key: Curve25519.Signing.PublicKey) async throws(AuditFailure) -> String {
        let answer = try object(try await fetch(baseURL, "/sapi/v1/solvent/checkpoint?fresh=true"))
        guard let note = answer["note"] as? String, let latest = try? SignedCheckpoint(note: note) else {
            throw .source("the server's checkpoint does not parse")
        }
        do { try latest.verify(publicKey: key) } catch { throw .checkpointMismatch("\(error)") }
        let size = latest.checkpoint.size
        let first = replay.size
        let proof = try object(try await fetch(baseURL, "/sapi/v1/solvent/consistency?first=\(first)&second=\(size)"))
        guard let hexes = proof["path"] as? [String] else { throw .source("the consistency proof does not parse") }
        let path = hexes.compactMap(LogHash.init(hex:))
        guard path.count == hexes.count else { throw .source("the consistency proof holds a malformed hash") }
        do {
            try LogConsistencyProof(first: first, second: size, path: path)
                .verify(firstRoot: replay.log.root, secondRoot: latest.checkpoint.root)
        } catch {
            throw .notAppendOnly("\(error)")
        }
        return "the log's signed checkpoint at size \(size) extends the records 1...\(first) replayed (consistency proof verified)"
    }

    private static func records(_ baseURL: String, from first: UInt64, limit: UInt64,
                                adminToken: String?) async throws(AuditFailure) -> [[UInt8]] {
        let bytes = try await fetch(baseURL, "/sapi/v1/solvent/records?fromSequence=\(first)&limit=\(limit)",
                                    adminToken: adminToken)
        guard let list = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [[String: Any]] else {
            throw .source("the records page does not parse")
        }
        return try list.map { item throws(AuditFailure) in
            guard let hex = item["data"] as? String, let data = try? Hex.decode(hex, byteCount: hex.utf8.count / 2).get()
            else { throw .source("a record's data is not hex") }
            return data
        }
    }

    private static func object(_ bytes: [UInt8]) throws(AuditFailure) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw .source("the answer is not a JSON object")
        }
        return object
    }

    private static func fetch(_ baseURL: String, _ path: String, adminToken: String? = nil) async throws(AuditFailure)
        -> [UInt8] {
        guard let url = URL(string: baseURL + path) else { throw .source("bad URL \(baseURL + path)") }
        var request = URLRequest(url: url)
        if let adminToken { request.setValue(adminToken, forHTTPHeaderField: AuditAPI.adminTokenHeader) }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
                throw AuditFileError("\(path): \(String(decoding: data, as: UTF8.self))")
            }
            return Array(data)
        } catch {
            throw .source("\(error)")
        }
    }
}
