import Foundation
import SolventCore
import SolventProof

/// Published epochs on disk, in `<data>/proof/epochs/`, named by the epoch number padded to 20
/// digits so they sort:
///
///     <n>.header.json   the signed header, exactly as served
///     <n>.checkpoint    the signed journal checkpoint at the header's journal size
///     <n>.reserves.json the reserve attestation behind the header's reserves, as served
///     <n>.snapshot      the tree's input (assets, then every account's balances), so a proof
///                       of an old epoch can be regenerated after a restart, and audited
///
/// Each file is written to a temporary name, synced and renamed; the header is written last,
/// so an epoch exists only once everything it needs is durable.
package struct EpochStore: Sendable {
    let directory: String

    package init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    package func save(_ header: SignedEpochHeader, checkpoint: SignedCheckpoint, snapshot: LiabilitySnapshot,
                      reserves: SignedReserveAttestation) throws {
        let epoch = header.header.epoch
        precondition(reserves.attestation.epoch == epoch && reserves.attestation.headerHash == header.hash,
                     "an epoch's reserve attestation names its header")
        try write(EpochSnapshotCoding.encode(snapshot), to: path(epoch, "snapshot"))
        try write(Array(reserves.json.utf8), to: path(epoch, "reserves.json"))
        try write(Array(checkpoint.note.utf8), to: path(epoch, "checkpoint"))
        try write(Array(header.json.utf8), to: path(epoch, "header.json"))
    }

    /// The newest epoch's number, or nil before the first.
    package func latestEpoch() -> UInt64? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in
            name.hasSuffix(".header.json") ? UInt64(name.dropLast(".header.json".count)) : nil
        }.max()
    }

    package func headerJSON(_ epoch: UInt64) -> [UInt8]? {
        FileManager.default.contents(atPath: path(epoch, "header.json")).map(Array.init)
    }

    /// The reserve attestation's JSON; nil for an unknown epoch or one published before attestations.
    package func reservesJSON(_ epoch: UInt64) -> [UInt8]? {
        FileManager.default.contents(atPath: path(epoch, "reserves.json")).map(Array.init)
    }

    package func header(_ epoch: UInt64) throws -> SignedEpochHeader? {
        guard let json = headerJSON(epoch) else { return nil }
        return try SignedEpochHeader(json: json)
    }

    package func checkpoint(_ epoch: UInt64) throws -> SignedCheckpoint? {
        guard let data = FileManager.default.contents(atPath: path(epoch, "checkpoint")) else { return nil }
        return try SignedCheckpoint(note: String(decoding: data, as: UTF8.self))
    }

    package func snapshot(_ epoch: UInt64) throws -> LiabilitySnapshot? {
        guard let data = FileManager.default.contents(atPath: path(epoch, "snapshot")) else { return nil }
        return try EpochSnapshotCoding.decode(Array(data))
    }

    func path(_ epoch: UInt64, _ kind: String) -> String {
        let digits = String(epoch)
        return directory + "/" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + "." + kind
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw AuditFileError("cannot write \(temporary)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else { throw AuditFileError("cannot rename \(temporary): errno \(errno)") }
        // The rename is durable once the directory is.
        let directoryDescriptor = open(directory, O_RDONLY)
        guard directoryDescriptor >= 0 else { throw AuditFileError("cannot open \(directory): errno \(errno)") }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw AuditFileError("cannot sync \(directory): errno \(errno)") }
    }
}

/// The binary form of a liabilities snapshot (little-endian, as the journal's format):
/// asset count u16, then per asset its symbol (u32 length + UTF-8) and scale u8; account
/// count u64, then per account its id u64 and one u64 balance per asset.
package enum EpochSnapshotCoding {
    static func encode(_ snapshot: LiabilitySnapshot) -> [UInt8] {
        var writer = BinaryWriter(capacity: 16 + snapshot.accountCount * 8 * (1 + snapshot.assets.count))
        writer.write(UInt16(snapshot.assets.count))
        for asset in snapshot.assets {
            writer.write(asset.symbol)
            writer.write(UInt8(asset.scale))
        }
        writer.write(UInt64(snapshot.accountCount))
        for row in 0..<snapshot.accountCount {
            writer.write(snapshot.accountIds[row])
            for balance in snapshot.balances(row: row) { writer.write(balance) }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> LiabilitySnapshot {
        var reader = BinaryReader(bytes)
        var assets: [ProofAsset] = []
        for _ in 0..<(try reader.readUInt16()) {
            let symbol = try reader.readString(lengthMax: ProofFormat.nameLengthMax)
            guard let asset = ProofAsset(symbol: symbol, scale: Int(try reader.readUInt8())) else {
                throw AuditFileError("snapshot: bad asset \(symbol)")
            }
            assets.append(asset)
        }
        let count = try reader.readUInt64()
        guard count <= UInt64(reader.remainingCount / 8) else { throw AuditFileError("snapshot: truncated") }
        var snapshot = LiabilitySnapshot(assets: assets, reservingCapacity: Int(count))
        var row = [UInt64](repeating: 0, count: assets.count)
        for _ in 0..<count {
            let id = try reader.readUInt64()
            for asset in assets.indices { row[asset] = try reader.readUInt64() }
            snapshot.append(accountId: id, balances: row)
        }
        try reader.expectEnd()
        return snapshot
    }
}
