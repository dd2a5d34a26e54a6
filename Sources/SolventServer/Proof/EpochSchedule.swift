import Foundation

/// `proof.epochIntervalSeconds`: publishes an epoch every so often while the server runs.
enum EpochSchedule {
    static func start(_ proof: ProofServices, log: @escaping @Sendable (String) -> Void) -> Task<Void, Never>? {
        guard let seconds = proof.settings.epochIntervalSeconds, seconds > 0 else { return nil }
        return Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
                guard !Task.isCancelled else { return }
                do {
                    let published = try await proof.publishEpoch()
                    log("proof: published epoch \(published.header.header.epoch) at journal size \(published.checkpoint.checkpoint.size)")
                } catch {
                    log("proof: the scheduled epoch failed: \(error)")
                }
            }
        }
    }
}
