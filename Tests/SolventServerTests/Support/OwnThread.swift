import Foundation

/// Runs blocking socket work on a thread of its own: a blocked task would hold one of the few
/// threads the server under test answers on, and the server would stall behind the test.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result(catching: body)) }.start()
    }
}
