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
