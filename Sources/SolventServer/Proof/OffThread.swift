import Foundation

/// Runs CPU-heavy work (building a tree of millions of leaves) on a thread of its own, so it
/// does not hold one of the few cooperative threads the HTTP server runs on.
enum OffThread {
    static func run<Value: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> Value) async throws
        -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.name = name
            thread.start()
        }
    }
}
