import Testing
import Foundation
import SolventCore
@testable import SolventJournal

@Test func crc32cKnownVector() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
}

@Test func sequencerRestartsWhereItStopped() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-smoke-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let sequencer = try Sequencer(directory: directory)
    _ = try await sequencer.execute(.listAsset(AssetSpec(name: "BTC")))
    _ = try await sequencer.execute(.openAccount(nil))
    let outcome = try await sequencer.execute(.deposit(1, 0, 5))
    #expect(outcome.sequence == 3)
    let hash = try await sequencer.inspect { $0.stateHash() }
    sequencer.stop()
    let again = try Sequencer(directory: directory)
    #expect(again.committedSequence == 3)
    #expect(try await again.inspect { $0.stateHash() } == hash)
    again.stop()
}
