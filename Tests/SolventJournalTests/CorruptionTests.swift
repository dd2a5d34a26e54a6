import Foundation
import SolventCore
import Testing
@testable import SolventJournal
import SolventTestSupport

/// Thousands of damaged copies of one journal (cut at a byte, a bit flipped, a page zeroed):
/// recovery never accepts a damaged record, recovers a torn tail of the last segment to the last
/// good record, and refuses anything else with the file and byte offset to look at.
struct CorruptionTests {
    static let shards = 4
    /// `SOLVENT_CORRUPTION_COPIES` raises the count for a longer run (never below 10,000).
    static let copies = max(10_000, ProcessInfo.processInfo.environment["SOLVENT_CORRUPTION_COPIES"].flatMap(Int.init) ?? 0)

    /// About 300 records over three segments, in group commits; mostly deposits, which are the
    /// cheapest to replay, with orders and cancels between them.
    static func image() async throws -> JournalImage {
        try await JournalImage.build(TradingCommands.stream(seed: 0x5E6, count: 280, depositPercent: 80),
                                     segmentSizeLimit: 4_400, seed: 11)
    }

    /// How the copies of one shard came out, to prove every kind of outcome was exercised.
    struct Tally {
        var tailsTruncated = 0
        var cleanEnds = 0
        var corruptBeforeValidRecords = 0
        var corruptInEarlierSegment = 0
        var inconsistent = 0
        var byKind: [JournalDamage.Kind: Int] = [:]
    }

    @Test func theImageSpansSeveralSegmentsAndEveryRecordReplays() async throws {
        let image = try await Self.image()
        #expect(image.segments.count == 3, "\(image.segments.map(\.records.count))")
        #expect(image.segments.allSatisfy { $0.records.count > 50 }, "\(image.segments.map(\.records.count))")
        #expect(image.records.count == TradingCommands.setup.count + 280)
        // A rejected cancel changes nothing, but most records must, or a skipped one could hide.
        #expect(Set(image.prefixHashes).count > image.prefixHashes.count * 3 / 4)
    }

    @Test func aCutBetweenRecordsEndsTheLastSegmentCleanlyButBreaksAnEarlierOne() async throws {
        let image = try await Self.image()
        for (index, segment) in image.segments.enumerated() {
            let cut = segment.records[10]
            var damage = JournalDamage(kind: .truncation, description: "", segmentIndex: index,
                                      bytes: Array(segment.bytes[..<cut.start]), lastKept: image.segments.count - 1)
            let isLast = index == image.segments.count - 1
            let expected: JournalDamage.Expected = isLast ? .recovers(lastSequence: cut.sequence - 1, truncatedAt: nil)
                                                          : .inconsistent
            #expect(damage.expected(in: image) == expected)
            do throws(JournalError) {
                let recovered = try JournalRecovery(directory: JournalImage.directory,
                                                    fileSystem: MemoryFileSystem(files: damage.files(of: image))).recover()
                #expect(isLast && recovered.lastSequence == cut.sequence - 1 && recovered.report.truncatedTail == nil)
            } catch .inconsistent(let reason) where !isLast {
                let next = image.segments[index + 1]
                #expect(reason == "\(next.name) starts at \(next.records[0].sequence) but \(cut.sequence) comes next")
            } catch {
                Issue.record("\(error)")
            }
            // Dropping the later segments too makes the cut one the journal's clean end.
            damage.lastKept = index
            let recovered = try JournalRecovery(directory: JournalImage.directory,
                                                fileSystem: MemoryFileSystem(files: damage.files(of: image))).recover()
            #expect(recovered.lastSequence == cut.sequence - 1)
            #expect(recovered.exchange.encodedState() == image.prefixStates[Int(cut.sequence - 1)])
        }
    }

    @Test(arguments: 0..<shards)
    func damagedCopiesNeverRecoverADamagedRecord(shard: Int) async throws {
        let image = try await Self.image()
        var random = SplitMix64(seed: 0xC0FFEE &+ UInt64(shard))
        var tally = Tally()
        let count = Self.copies / Self.shards + (shard < Self.copies % Self.shards ? 1 : 0)
        for copy in 0..<count {
            let damage = JournalDamage.random(of: image, &random)
            tally.byKind[damage.kind, default: 0] += 1
            check(damage, of: image, repairs: copy % 2 == 0, reRecover: copy % 16 == 0, &tally)
        }
        let minimum = count / 50
        #expect(tally.tailsTruncated > minimum && tally.corruptBeforeValidRecords > minimum
                && tally.corruptInEarlierSegment > minimum && tally.cleanEnds > 0,
                "\(tally)")
        #expect(tally.byKind.count == JournalDamage.Kind.allCases.count)
    }

    private func check(_ damage: JournalDamage, of image: JournalImage, repairs: Bool, reRecover: Bool,
                       _ tally: inout Tally) {
        let expected = damage.expected(in: image)
        let disk = MemoryFileSystem(files: damage.files(of: image))
        let damagedPath = JournalImage.path(image.segments[damage.segmentIndex].name)
        do throws(JournalError) {
            let recovered = try JournalRecovery(directory: JournalImage.directory, fileSystem: disk, repairs: repairs)
                .recover()
            guard case .recovers(let lastSequence, let truncatedAt) = expected else {
                Issue.record("\(damage): recovered to \(recovered.lastSequence), expected \(expected)")
                return
            }
            #expect(recovered.lastSequence == lastSequence, "\(damage)")
            // The heart of it: the state is exactly the original's after that many records. The
            // hash is SHA-256 of the encoded state; comparing the bytes is as strict and cheaper.
            #expect(recovered.exchange.encodedState() == image.prefixStates[Int(recovered.lastSequence)], "\(damage)")
            if reRecover {
                #expect(recovered.exchange.stateHash() == image.prefixHashes[Int(recovered.lastSequence)], "\(damage)")
            }
            #expect(recovered.report.replayedRecords == Int(lastSequence), "\(damage)")
            if let truncatedAt {
                tally.tailsTruncated += 1
                #expect(recovered.report.truncatedTail?.hasPrefix("\(damagedPath) at byte \(truncatedAt) (") == true,
                        "\(damage): \(recovered.report.truncatedTail ?? "no truncation reported")")
                #expect(recovered.tail?.length == truncatedAt)
                #expect(disk.bytes(of: damagedPath)?.count == (repairs ? truncatedAt : damage.bytes.count), "\(damage)")
            } else {
                tally.cleanEnds += 1
                #expect(recovered.report.truncatedTail == nil, "\(damage)")
            }
            if repairs && reRecover {
                let again = try JournalRecovery(directory: JournalImage.directory, fileSystem: disk.crash()).recover()
                #expect(again.lastSequence == lastSequence && again.report.truncatedTail == nil, "\(damage)")
            }
        } catch .corrupt(let path, let offset, let reason) {
            guard case .corrupt(let name, let expectedOffset) = expected else {
                Issue.record("\(damage): refused (\(reason)) at \(path) \(offset), expected \(expected)")
                return
            }
            #expect(path == JournalImage.path(name) && offset == expectedOffset, "\(damage): \(reason)")
            #expect(disk.bytes(of: damagedPath) == damage.bytes, "a refused recovery must not change the disk")
            if reason.contains("valid records follow") { tally.corruptBeforeValidRecords += 1 }
            if reason.contains("later segments follow") { tally.corruptInEarlierSegment += 1 }
        } catch .inconsistent(let reason) {
            #expect(expected == .inconsistent, "\(damage): \(reason)")
            tally.inconsistent += 1
        } catch {
            Issue.record("\(damage): \(error)")
        }
    }
}
