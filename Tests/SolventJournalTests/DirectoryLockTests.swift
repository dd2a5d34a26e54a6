import Testing
@testable import SolventJournal

/// Two writers on one journal would interleave records: the second is refused while the first
/// runs, and admitted once it has stopped.
struct DirectoryLockTests {
    @Test func aSecondSequencerOnTheSameDirectoryIsRefusedUntilTheFirstStops() throws {
        let directory = TemporaryDirectory("lock")
        let first = try Sequencer(directory: directory.path)
        #expect(throws: JournalError.inconsistent("\(directory.path) is in use by another process")) {
            _ = try Sequencer(directory: directory.path)
        }
        first.stop()
        let second = try Sequencer(directory: directory.path)
        second.stop()
    }
}
