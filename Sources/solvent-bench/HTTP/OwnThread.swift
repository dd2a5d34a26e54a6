import Foundation

/// Runs blocking work (sockets, waiting for wrk) on a thread of its own: with NIO's event loops
/// as the global executor, blocking in a task would stall the very servers being measured.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result(catching: body)) }.start()
    }
}
