import Dispatch

/// Runs `body` over `0..<count` split into `threads` contiguous chunks, at once. The chunks write
/// disjoint parts of preallocated arrays, so the result does not depend on scheduling.
enum Parallel {
    static func forEachChunk(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let chunks = max(1, min(threads, count))
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body(count * chunk / chunks..<count * (chunk + 1) / chunks)
        }
    }
}

/// A pointer handed to the threads of `Parallel.forEachChunk`; each writes only its own range.
struct SharedPointer<Pointee>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Pointee>
}
