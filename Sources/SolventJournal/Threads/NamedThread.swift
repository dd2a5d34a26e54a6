import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts the long-lived threads of the exchange (sequencer, committer, projections, hubs) under
/// names that `top -H`, `perf` and `/proc/<pid>/task/*/comm` show. Foundation's `Thread.name`
/// does not reach the kernel's thread name on Linux, so every such thread would otherwise carry
/// the name of whichever thread created it.
public enum NamedThread {
    /// The kernel keeps 15 bytes of a thread's name.
    public static let nameLimit = 15

    public static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            rename(to: name)
            body()
        }
        thread.name = name
        thread.start()
    }

    /// Through `/proc/thread-self/comm`: Glibc's `pthread_setname_np` is not visible to Swift.
    private static func rename(to name: String) {
        #if canImport(Glibc)
        let descriptor = open("/proc/thread-self/comm", O_WRONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(name.utf8.prefix(nameLimit))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #endif
    }
}
