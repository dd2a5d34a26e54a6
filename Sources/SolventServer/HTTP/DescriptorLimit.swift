#if canImport(Glibc)
import Glibc
#endif

/// The process's file-descriptor limit: every connection holds one, and so do the journal, the
/// stores and the snapshots. The soft limit is often 1,024, far below what the connection limits
/// allow, so the server raises it to the hard limit at start and says when even that is short.
enum DescriptorLimit {
    /// Raises the soft limit to the hard one; the limit now in force.
    static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The descriptors the connection limits may take, plus room for files.
    static func needed(_ connections: ConnectionLimits, _ streams: StreamLimits) -> Int {
        connections.openMax + streams.connectionsMax + 256
    }
}
