import Foundation
import Glibc
@testable import SolventJournal
import SolventTestSupport

/// A disk in memory, for proving what survives a crash.
///
/// Each file (an inode) has the bytes a reader sees now (`current`, the page cache) and the bytes
/// that would survive power loss (`durable`); `sync` copies the first to the second. Reserved
/// space is zeros in `current`, like a size change not durable before the next sync; a crash
/// keeps the durable bytes and, torn, some prefix of what changed since (`tornFrom`). Directory
/// entries are the same: `create`, `rename` and `remove` change the entries every operation sees,
/// and only `syncDirectory` makes them durable. `crash()` returns the disk as the next process
/// would find it. Directories themselves are durable as soon as they are made (the journal never
/// creates one it has not been given).
///
/// Faults (`MemoryFileSystem+Faults.swift`) are scripted per operation count, so a seed replays.
final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    struct Inode {
        var current: [UInt8] = []
        var durable: [UInt8] = []
        /// Set by a sync that failed without persisting: those bytes are gone, as on Linux where
        /// the kernel marks the pages clean after reporting the error. Later syncs fail too.
        var poisoned = false
        /// The lowest offset written or reserved since the last sync: a torn crash keeps the
        /// durable bytes overlaid with some prefix of the current ones from here.
        var tornFrom: Int?
        /// Emptied by `create` since the last sync: a crash then keeps the old bytes whole.
        var emptied = false

        mutating func changed(from offset: Int) {
            tornFrom = min(tornFrom ?? offset, offset)
        }

        mutating func overwrite(_ offset: Int, with bytes: some Collection<UInt8>) {
            if offset > current.count { current += repeatElement(0, count: offset - current.count) }
            let end = min(current.count, offset + bytes.count)
            current.replaceSubrange(offset..<end, with: bytes)
            changed(from: offset)
        }

        mutating func synced() {
            durable = current
            tornFrom = nil
            emptied = false
        }
    }

    let lock = NSLock()
    var directories: Set<String> = []
    var inodes: [Int: Inode] = [:]
    var nextInode = 1
    /// Path → inode, as operations see them.
    var entries: [String: Int] = [:]
    /// Path → inode, as they would be after a crash.
    var durableEntries: [String: Int] = [:]
    var openFiles: [Int32: (inode: Int, path: String)] = [:]
    var nextDescriptor: Int32 = 3
    var plan = FaultPlan()

    init(seed: UInt64 = 0) {
        plan.random = SplitMix64(seed: seed)
    }

    /// A disk holding `files` (path → bytes), all durable, in their directories.
    convenience init(files: [String: [UInt8]]) {
        self.init()
        for (path, bytes) in files {
            directories.insert(Self.parent(of: path))
            entries[path] = nextInode
            durableEntries[path] = nextInode
            inodes[nextInode] = Inode(current: bytes, durable: bytes)
            nextInode += 1
        }
    }

    func locked<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: FileSystem

    func list(_ directory: String) throws(FileSystemError) -> [String] {
        try locked { () throws(FileSystemError) in
            guard directories.contains(directory) else { throw FileSystemError("list", directory, code: ENOENT) }
            return entries.keys.filter { Self.parent(of: $0) == directory }.map { String($0.dropFirst(directory.count + 1)) }
        }
    }

    func makeDirectory(_ directory: String) throws(FileSystemError) {
        locked { _ = directories.insert(directory) }
    }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        try locked { () throws(FileSystemError) in
            guard let inode = entries[path] else { throw FileSystemError("open", path, code: ENOENT) }
            return inodes[inode]!.current
        }
    }

    func create(_ path: String, exclusive: Bool) throws(FileSystemError) -> OpenFile {
        announce(.create, path)
        return try locked { () throws(FileSystemError) in
            guard directories.contains(Self.parent(of: path)) else { throw FileSystemError("create", path, code: ENOENT) }
            let inode: Int
            if let existing = entries[path] {
                if exclusive { throw FileSystemError("create", path, code: EEXIST) }
                inode = existing
                inodes[inode]!.current = []
                inodes[inode]!.emptied = true
            } else {
                inode = nextInode
                nextInode += 1
                inodes[inode] = Inode()
                entries[path] = inode
            }
            return open(inode, path)
        }
    }

    func openForAppend(_ path: String) throws(FileSystemError) -> OpenFile {
        try openForWriting(path)
    }

    func openForWriting(_ path: String) throws(FileSystemError) -> OpenFile {
        try locked { () throws(FileSystemError) in
            guard let inode = entries[path] else { throw FileSystemError("open", path, code: ENOENT) }
            return open(inode, path)
        }
    }

    /// Appends (every sequential writer here writes a file from its start to its end).
    func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        try store(file, bytes, at: nil)
    }

    func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(FileSystemError) -> Int {
        try store(file, bytes, at: offset)
    }

    func reserve(_ file: OpenFile, length: Int) throws(FileSystemError) -> Bool {
        announce(.reserve, lock.withLock { openFiles[file.descriptor]?.path } ?? "")
        return try locked { () throws(FileSystemError) in
            guard let (inode, _) = openFiles[file.descriptor] else { throw FileSystemError("fallocate", "fd", code: EBADF) }
            let count = inodes[inode]!.current.count
            if length > count {
                inodes[inode]!.current += repeatElement(0, count: length - count)
                inodes[inode]!.changed(from: count)
            }
            return true
        }
    }

    func sync(_ file: OpenFile) throws(FileSystemError) {
        // Announced outside the lock: an observer may block this thread as long as a test wants.
        announce(.sync, lock.withLock { openFiles[file.descriptor]?.path } ?? "")
        try locked { () throws(FileSystemError) in
            guard let (inode, path) = openFiles[file.descriptor] else {
                throw FileSystemError("fdatasync", "fd", code: EBADF)
            }
            guard !inodes[inode]!.poisoned else { throw FileSystemError("fdatasync", path, code: EIO) }
            switch plan.nextSync(path: path) {
            case .fail(let persisted):
                if persisted { inodes[inode]!.synced() } else { inodes[inode]!.poisoned = true }
                throw FileSystemError("fdatasync", path, code: EIO)
            case .succeed:
                inodes[inode]!.synced()
            }
        }
    }

    func close(_ file: OpenFile) {
        lock.lock()
        defer { lock.unlock() }
        openFiles[file.descriptor] = nil
    }

    func truncate(_ path: String, to length: Int) throws(FileSystemError) {
        announce(.truncate, path)
        try locked { () throws(FileSystemError) in
            guard let inode = entries[path] else { throw FileSystemError("open", path, code: ENOENT) }
            precondition(length <= inodes[inode]!.current.count, "the journal only ever shortens a file")
            inodes[inode]!.current.removeLast(inodes[inode]!.current.count - length)
            inodes[inode]!.synced()  // ftruncate then fsync
        }
    }

    func rename(_ path: String, to newPath: String) throws(FileSystemError) {
        announce(.rename, path)
        try locked { () throws(FileSystemError) in
            guard let inode = entries.removeValue(forKey: path) else { throw FileSystemError("rename", path, code: ENOENT) }
            entries[newPath] = inode
        }
    }

    func remove(_ path: String) throws(FileSystemError) {
        announce(.remove, path)
        try locked { () throws(FileSystemError) in
            guard entries.removeValue(forKey: path) != nil else { throw FileSystemError("unlink", path, code: ENOENT) }
        }
    }

    func syncDirectory(_ directory: String) throws(FileSystemError) {
        announce(.syncDirectory, directory)
        try locked { () throws(FileSystemError) in
            guard directories.contains(directory) else { throw FileSystemError("open", directory, code: ENOENT) }
            durableEntries = durableEntries.filter { Self.parent(of: $0.key) != directory }
            for (path, inode) in entries where Self.parent(of: path) == directory { durableEntries[path] = inode }
        }
    }

    /// Writes at `offset`, or appends when it is nil; a write past the end leaves zeros before it.
    private func store(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, at offset: Int?) throws(FileSystemError) -> Int {
        announce(.write, lock.withLock { openFiles[file.descriptor]?.path } ?? "")
        return try locked { () throws(FileSystemError) in
            guard let (inode, path) = openFiles[file.descriptor] else { throw FileSystemError("write", "fd", code: EBADF) }
            var count = bytes.count
            switch plan.nextWrite(path: path, length: bytes.count) {
            case .fail: throw FileSystemError("write", path, code: EIO)
            case .short(let length): count = length
            case .full: break
            }
            let start = offset ?? inodes[inode]!.current.count
            inodes[inode]!.overwrite(start, with: bytes.prefix(count))
            return count
        }
    }

    /// Tells the plan's observer (if any) what is about to happen, outside the lock.
    private func announce(_ operation: DiskOperation, _ path: String) {
        let observer = lock.withLock { plan.observer }
        observer?(operation, path)
    }

    private func open(_ inode: Int, _ path: String) -> OpenFile {
        let descriptor = nextDescriptor
        nextDescriptor += 1
        openFiles[descriptor] = (inode, path)
        return OpenFile(descriptor: descriptor)
    }
}
