/// The auditors' access log in the journal. The engine keeps the newest head, so it is in every
/// snapshot, every replay and the state hash, and refuses a head whose index is not greater than
/// it: the journal's heads go forward only, so a log rewritten and replayed from an older index
/// cannot be checkpointed over what the journal already fixed.
extension Engine {
    mutating func recordAccessLogHead(_ head: AccessLogHead) {
        // Index 0 is the empty log, which has nothing to fix; the first head is at least 1.
        guard head.index > (accessLogHead?.index ?? 0) else {
            return reject(.accessLogHeadNotIncreasing, stage: .command)
        }
        accessLogHead = head
        assert(accessLogHead?.index ?? 0 > 0, "a journaled access-log head names at least one entry")
    }
}
