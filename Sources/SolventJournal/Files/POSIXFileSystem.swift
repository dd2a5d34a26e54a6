import Glibc


/// The real disk, through open(2), write(2), fdatasync(2) and friends. Interrupted calls are
/// repeated; every other failure is reported with its errno, never retried.
public final class POSIXFileSystem: FileSystem {
    public init() {}

    public func list(_ directory: String) throws(FileSystemError) -> [String] {
        guard let stream = opendir(directory) else { throw FileSystemError("list", directory, code: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func makeDirectory(_ directory: String) throws(FileSystemError) {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError("mkdir", directory, code: errno)
        }
    }

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = try retrying("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { Glibc.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileSystemError("stat", path, code: errno) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError("read", path, code: errno) }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes[..<offset])
    }

    public func create(_ path: String, exclusive: Bool) throws(FileSystemError) -> OpenFile {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        return OpenFile(descriptor: try retrying("create", path) { open(path, flags, 0o644) })
    }

    public func openForAppend(_ path: String) throws(FileSystemError) -> OpenFile {
        OpenFile(descriptor: try retrying("open", path) { open(path, O_WRONLY | O_APPEND | O_CLOEXEC) })
    }

    public func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        while true {
            let count = Glibc.write(file.descriptor, bytes.baseAddress, bytes.count)
            if count >= 0 { return count }
            if errno != EINTR { throw FileSystemError("write", "fd \(file.descriptor)", code: errno) }
        }
    }

    public func openForWriting(_ path: String) throws(FileSystemError) -> OpenFile {
        // Never O_APPEND: on Linux it makes pwrite(2) ignore its offset and append.
        OpenFile(descriptor: try retrying("open", path) { open(path, O_WRONLY | O_CLOEXEC) })
    }

    public func write(_ file: OpenFile, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(FileSystemError) -> Int {
        while true {
            let count = pwrite(file.descriptor, bytes.baseAddress, bytes.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw FileSystemError("pwrite", "fd \(file.descriptor)", code: errno) }
        }
    }

    public func reserve(_ file: OpenFile, length: Int) throws(FileSystemError) -> Bool {
        // posix_fallocate returns the error number instead of setting errno. glibc emulates it
        // where the file system lacks fallocate(2); EOPNOTSUPP is left for what it cannot do.
        while true {
            let code = posix_fallocate(file.descriptor, 0, off_t(length))
            if code == 0 { return true }
            if code == EOPNOTSUPP { return false }
            if code != EINTR { throw FileSystemError("posix_fallocate", "fd \(file.descriptor)", code: code) }
        }
    }

    public func sync(_ file: OpenFile) throws(FileSystemError) {
        // Never retried, even on EINTR's cousins: after a failed fsync the kernel may have
        // dropped the dirty pages, so a second call could report success for lost data.
        guard fdatasync(file.descriptor) == 0 else {
            throw FileSystemError("fdatasync", "fd \(file.descriptor)", code: errno)
        }
    }

    public func close(_ file: OpenFile) {
        _ = Glibc.close(file.descriptor)
    }

    public func truncate(_ path: String, to length: Int) throws(FileSystemError) {
        let descriptor = try retrying("open", path) { open(path, O_WRONLY | O_CLOEXEC) }
        defer { Glibc.close(descriptor) }
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw FileSystemError("truncate", path, code: errno) }
        guard fsync(descriptor) == 0 else { throw FileSystemError("fsync", path, code: errno) }
    }

    public func rename(_ path: String, to newPath: String) throws(FileSystemError) {
        guard Glibc.rename(path, newPath) == 0 else { throw FileSystemError("rename", path, code: errno) }
    }

    public func remove(_ path: String) throws(FileSystemError) {
        guard unlink(path) == 0 else { throw FileSystemError("unlink", path, code: errno) }
    }

    public func syncDirectory(_ directory: String) throws(FileSystemError) {
        let descriptor = try retrying("open", directory) { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError("fsync", directory, code: errno) }
    }

    public func lockExclusively(_ directory: String) throws(JournalError) -> DirectoryLock? {
        do { try makeDirectory(directory) } catch { throw .io(error) }
        return try DirectoryLock(directory: directory)
    }

    /// Calls `body` again while it fails with EINTR; any other failure becomes an error.
    private func retrying(_ operation: String, _ path: String,
                          _ body: () -> Int32) throws(FileSystemError) -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno != EINTR { throw FileSystemError(operation, path, code: errno) }
        }
    }
}
