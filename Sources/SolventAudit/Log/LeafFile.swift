import Foundation
import SolventProof

/// The journal log's leaf hashes on disk: `<data>/merkle/leaves`, 32 bytes per journal record
/// in sequence order (record s at offset 32 × (s − 1)), so a restart does not re-hash the
/// whole journal.
///
/// Durability: like the history store, this file is a projection the journal can rebuild, so
/// appends are plain writes, never synced on the commit path. It is synced when the server
/// stops, and only then is `leaves.clean` written (holding the leaf count). A start that finds
/// no clean marker (a crash, a kill) does not trust the file and rebuilds it from the journal;
/// a clean start trusts it after checking its last leaf against the journal. The marker is
/// removed as soon as the file is opened for appending.
package final class LeafFile: @unchecked Sendable {
    let path: String
    private let handle: FileHandle

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/leaves"
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw AuditFileError("cannot create \(path)")
            }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw AuditFileError("cannot open \(path)") }
        self.handle = handle
    }

    private var markerPath: String { path + ".clean" }

    /// The stored leaves if the last stop was clean (marker present and matching), else nil.
    /// Removes the marker either way: from now on the file may change.
    func loadIfClean() throws -> [LogHash]? {
        let marker = (try? String(contentsOfFile: markerPath, encoding: .utf8)).flatMap {
            UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try? FileManager.default.removeItem(atPath: markerPath)
        guard let count = marker else { return nil }
        try handle.seek(toOffset: 0)
        let data = try handle.readToEnd() ?? Data()
        guard UInt64(data.count) == count * UInt64(LogHash.byteCount) else { return nil }
        return data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count, by: LogHash.byteCount).map { LogHash(raw, at: $0) }
        }
    }

    /// Replaces the whole file with `leaves`.
    func rewrite(_ leaves: ArraySlice<LogHash>) throws {
        try handle.truncate(atOffset: 0)
        try append(leaves)
    }

    func append(_ leaves: ArraySlice<LogHash>) throws {
        guard !leaves.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(leaves.count * LogHash.byteCount)
        for leaf in leaves { withUnsafeBytes(of: leaf) { bytes.append(contentsOf: $0) } }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
    }

    /// Syncs the leaves, then records that they are complete through `count`.
    func closeCleanly(count: UInt64) throws {
        try handle.synchronize()
        try handle.close()
        try "\(count)\n".write(toFile: markerPath, atomically: true, encoding: .utf8)
    }
}
