import SolventCore
@testable import SolventJournal

extension Sequencer {
    /// Submits `commands` back to back, so they may share group commits, and returns each one's
    /// result in submission order once all have answered (a refused submission answers at once).
    /// `onReply` sees each reply the sequencer sends (not the refusals `submit` throws), on the
    /// thread that sends it, with the command's index in `commands`.
    func submitTogether(_ commands: [Command],
                        onReply: (@Sendable (Int, SequencerResult) -> Void)? = nil) async -> [SequencerResult] {
        guard !commands.isEmpty else { return [] }
        let results = Locked((answers: [SequencerResult?](repeating: nil, count: commands.count), missing: commands.count))
        return await withCheckedContinuation { continuation in
            @Sendable func answer(_ index: Int, _ result: SequencerResult) {
                let done: [SequencerResult]? = results.update { state in
                    state.answers[index] = result
                    state.missing -= 1
                    return state.missing == 0 ? state.answers.map { $0! } : nil
                }
                if let done { continuation.resume(returning: done) }
            }
            for (index, command) in commands.enumerated() {
                do throws(SequencerError) {
                    try submit(command) { result in
                        onReply?(index, result)
                        answer(index, result)
                    }
                } catch {
                    answer(index, .failure(error))
                }
            }
        }
    }
}

extension SequencerConfiguration {
    /// Small segments and no automatic snapshots unless asked: what most journal tests want.
    static func testing(segmentSizeLimit: Int = 8 << 10, snapshotInterval: UInt64? = nil,
                        retention: Retention = .keepEverything, queueCapacity: Int = 4_096) -> SequencerConfiguration {
        var configuration = SequencerConfiguration()
        configuration.segmentSizeLimit = segmentSizeLimit
        configuration.snapshotInterval = snapshotInterval
        configuration.retention = retention
        configuration.queueCapacity = queueCapacity
        return configuration
    }
}
