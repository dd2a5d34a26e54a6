/// The seam every byte of the journal and the snapshots passes through.
///
/// Production uses `POSIXFileSystem`; tests put an in-memory disk behind it that can tear writes,
/// fail them, or fail a sync, so the journal's fail-stop behaviour is proved rather than hoped for.
/// Paths are plain strings; directories are flat (the journal never nests).
public protocol FileSystem: AnyObject, Sendable {
    /// Names (not paths) of the entries in `directory`.
    func list(_ directory: String) throws(FileSystemError) -> [String]
    /// Creates `directory` if it does not exist yet.
    func makeDirectory(_ directory: String) throws(FileSystemError)
    func read(_ path: String) throws(FileSystemError) -> [UInt8]
    /// Creates a file for writing; `exclusive` fails if it exists, otherwise it is emptied.
    func create(_ path: String, exclusive: Bool) throws(FileSystemError) -> OpenFile
    /// Opens an existing file for appending at its end.
    func openForAppend(_ path: String) throws(FileSystemError) -> OpenFile
    /// Writes some prefix of `bytes` and returns its length, which may be short (as write(2) may).
    func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int
    /// Opens an existing file for `write(_:_:at:)`. Nothing is appended by itself: a file with
    /// reserved space is longer than its data, and its data grows into the reserve.
    func openForWriting(_ path: String) throws(FileSystemError) -> OpenFile
    /// Writes some prefix of `bytes` at byte `offset` (pwrite(2)) and returns its length.
    func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(FileSystemError) -> Int
    /// Allocates the file's first `length` bytes, growing its size to `length` if it is shorter
    /// (posix_fallocate(3)); bytes never written read back as zeros. Writes into reserved space
    /// then change neither the file's size nor its allocation, so their fdatasync commits less
    /// metadata. Like any size change, the reserve is durable after the next `sync`. Returns
    /// false when this file system reserves nothing (the file is unchanged).
    func reserve(_ file: OpenFile, length: Int) throws(FileSystemError) -> Bool
    /// Makes everything written to `file` durable (fdatasync).
    func sync(_ file: OpenFile) throws(FileSystemError)
    func close(_ file: OpenFile)
    /// Cuts `path` to `length` bytes and makes the cut durable.
    func truncate(_ path: String, to length: Int) throws(FileSystemError)
    func rename(_ path: String, to newPath: String) throws(FileSystemError)
    func remove(_ path: String) throws(FileSystemError)
    /// Makes the directory's entries durable: needed after a file is created, renamed or removed.
    func syncDirectory(_ directory: String) throws(FileSystemError)
    /// Keeps any other process from writing `directory` while the returned token lives (nil:
    /// this file system has no other processes to fear).
    func lockExclusively(_ directory: String) throws(JournalError) -> DirectoryLock?
}

extension FileSystem {
    public func lockExclusively(_ directory: String) throws(JournalError) -> DirectoryLock? {
        nil
    }
}

/// A file system that only appends, as every one did before reservations: it reserves nothing,
/// so a file's data always ends at the file's end and writing at the data's length is appending.
/// Wrappers written for that contract (tests' disks that delay syncs) keep working unchanged.
extension FileSystem {
    public func openForWriting(_ path: String) throws(FileSystemError) -> OpenFile {
        try openForAppend(path)
    }

    /// Appends: correct only while `offset` is the file's end, which holds when `reserve` is
    /// this default.
    public func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(FileSystemError) -> Int {
        try write(file, bytes)
    }

    public func reserve(_ file: OpenFile, length: Int) throws(FileSystemError) -> Bool {
        false
    }
}

/// A file opened through a `FileSystem`: a descriptor for `POSIXFileSystem`, a slot for others.
public struct OpenFile: Hashable, Sendable {
    public let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }
}

/// A failed file operation, with the `errno` the system gave.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, _ path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        "\(operation) \(path): \(SystemError.message(code)) (errno \(code))"
    }
}

extension FileSystem {
    /// Writes all of `bytes`, continuing after short writes. A write that makes no progress is
    /// an error: retrying it forever would hang the sequencer.
    public func writeAll(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try write(file, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            guard written > 0 else { throw FileSystemError("write", path, code: SystemError.noProgress) }
            offset += written
        }
    }

    public func writeAll(_ file: OpenFile, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        // withUnsafeBytes rethrows untyped errors, so the failure is carried out by hand.
        let failure = bytes.withUnsafeBytes { buffer -> FileSystemError? in
            do throws(FileSystemError) { try writeAll(file, buffer, path: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` at `offset`, continuing after short writes (see `writeAll(_:_:path:)`).
    public func writeAll(_ file: OpenFile, _ bytes: [UInt8], at offset: Int, path: String) throws(FileSystemError) {
        let failure = bytes.withUnsafeBytes { buffer -> FileSystemError? in
            var written = 0
            while written < buffer.count {
                let count: Int
                do throws(FileSystemError) {
                    count = try write(file, UnsafeRawBufferPointer(rebasing: buffer[written...]), at: offset + written)
                } catch {
                    return error
                }
                guard count > 0 else { return FileSystemError("write", path, code: SystemError.noProgress) }
                written += count
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` to a new file under a temporary name, syncs it, renames it into place and
    /// syncs the directory: after a crash the file is either absent or complete.
    public func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) throws(FileSystemError) {
        let temporary = path + ".tmp"
        let file = try create(temporary, exclusive: false)
        do {
            try writeAll(file, bytes, path: temporary)
            try sync(file)
        } catch {
            close(file)
            throw error
        }
        close(file)
        try rename(temporary, to: path)
        try syncDirectory(directory)
    }
}
