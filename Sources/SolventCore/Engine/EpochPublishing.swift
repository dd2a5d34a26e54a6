/// Proof-of-liabilities epochs in the journal. The engine keeps the newest one, so its number and
/// header hash are in every snapshot, every replay and the state hash, and so that a header for an
/// epoch that is not newer than it is refused: the journal holds at most one header per epoch,
/// and an exchange that shows two different headers for one epoch is caught by comparing either
/// with the journal.
extension Engine {
    mutating func publishEpoch(_ publication: EpochPublication) {
        guard !publication.signedHeader.isEmpty, publication.isBinaryEncodable else {
            return reject(.invalidEpochHeader, stage: .command)
        }
        // Increasing, not necessarily by one: epochs published before headers were journaled
        // are numbered in the epoch store only, and the first journaled one follows them.
        guard publication.epoch > (latestEpoch?.epoch ?? 0) else {
            return reject(.epochNotIncreasing, stage: .command)
        }
        latestEpoch = publication
    }
}
