import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file that holds a secret (the master key, the admin token, the proof keys). It is created
/// with mode 0600 from its first byte, by `open(2)` with the mode and `O_EXCL`, never made first
/// and restricted after; and it is read only while nobody but its owner may read or write it,
/// so a key that was exposed by a careless `chmod` or copy is refused, not used.
package enum SecretFile {
    /// The file's bytes, or nil when there is none.
    package static func read(_ path: String) throws -> Data? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw AuditFileError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw AuditFileError("\(path) holds a secret but its mode is \(String(mode, radix: 8)): "
                                 + "others may read it; check who did, then chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditFileError("cannot read \(path)") }
        return data
    }

    /// Writes `contents` to a new file at `path` (an existing one is an error), synced.
    package static func create(_ path: String, contents: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditFileError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count, fsync(descriptor) == 0 else {
            throw AuditFileError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
