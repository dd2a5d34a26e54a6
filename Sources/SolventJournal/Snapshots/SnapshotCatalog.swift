import SolventCore

/// The snapshots in a data directory, read for checking: each one's state hash by sequence.
public struct SnapshotCatalog {
    public let directory: String
    public let fileSystem: any FileSystem
    /// State hash of every readable snapshot, by sequence.
    public private(set) var hashes: [UInt64: SHA256Digest] = [:]
    private var oldest: (sequence: UInt64, exchange: Exchange)?

    public init(directory: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(JournalError) {
        self.directory = directory
        self.fileSystem = fileSystem
        let names: [String]
        do { names = try fileSystem.list(directory) } catch { throw .io(error) }
        for snapshot in JournalFiles.snapshots(in: names).reversed() {
            guard let bytes = try? fileSystem.read(JournalFiles.path(directory, snapshot.name)),
                  let file = try? SnapshotFile(decoding: bytes), let exchange = try? file.exchange() else { continue }
            hashes[file.sequence] = exchange.stateHash()
            if oldest == nil { oldest = (file.sequence, exchange) }
        }
    }

    /// Where a full check starts: genesis when the journal still begins at sequence 1, else the
    /// oldest readable snapshot (older segments were pruned).
    public func replayStart() throws(JournalError) -> (exchange: Exchange, sequence: UInt64, origin: String) {
        let names: [String]
        do { names = try fileSystem.list(directory) } catch { throw .io(error) }
        let segments = JournalFiles.segments(in: names)
        if segments.first?.first ?? 1 == 1 { return (Exchange(), 0, "genesis") }
        guard let oldest else { throw .inconsistent("the journal starts at \(segments[0].first) and no snapshot is readable") }
        return (oldest.exchange, oldest.sequence, "snapshot \(oldest.sequence)")
    }
}
