import Testing

/// Polls `condition` every 10 ms for up to 5 s, for what the server does after it answers (the
/// history projection, a payment); records an issue naming `what` when it never holds.
func waitFor(_ what: String, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<500 {
        if try await condition() { return }
        try await Task.sleep(nanoseconds: 10_000_000)
    }
    Issue.record("timed out waiting for \(what)")
}
