import Glibc
import Synchronization

/// An exclusive lock on a data directory (flock on `<directory>/LOCK`), held for the life of
/// the process that writes the journal: two writers would interleave records and break it.
/// The kernel drops the lock when the process dies, so a crash never leaves it stuck.
public final class DirectoryLock: Sendable {
    /// The locked file's descriptor; -1 once released.
    private let descriptor: Atomic<Int32>

    /// Takes the lock, or throws if another process holds it.
    public init(directory: String) throws(JournalError) {
        let path = JournalFiles.path(directory, "LOCK")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(FileSystemError("open", path, code: errno)) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .inconsistent("\(directory) is in use by another process") }
            throw .io(FileSystemError("flock", path, code: code))
        }
        self.descriptor = Atomic(descriptor)
    }

    /// Lets another process take the directory. Safe to call more than once.
    public func release() {
        let descriptor = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if descriptor >= 0 { close(descriptor) }
    }

    deinit {
        release()
    }
}
