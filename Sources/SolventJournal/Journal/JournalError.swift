/// Why the journal cannot be read or written. Every case names what an operator must look at.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The disk refused an operation.
    case io(FileSystemError)
    /// A file holds bytes that are not a valid record where one must be.
    case corrupt(path: String, offset: Int, reason: String)
    /// The files do not form one journal (a gap, a snapshot past the journal's end…).
    case inconsistent(String)
    /// A consumer being caught up at start refused a batch (its store failed).
    case consumerFailed(name: String, reason: String)

    public var description: String {
        switch self {
        case .io(let error): "journal I/O failed: \(error)"
        case .corrupt(let path, let offset, let reason): "journal corrupt: \(path) at byte \(offset): \(reason)"
        case .inconsistent(let reason): "journal inconsistent: \(reason)"
        case .consumerFailed(let name, let reason): "catching up \(name) failed: \(reason)"
        }
    }
}
