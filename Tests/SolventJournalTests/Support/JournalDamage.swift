import Foundation
@testable import SolventJournal
import SolventTestSupport

/// One way a journal copy gets damaged, and what recovery must then do. The expectation is
/// derived from which bytes changed and which records they belong to, independently of the
/// scanner's code.
struct JournalDamage: CustomStringConvertible {
    enum Kind: String, CaseIterable {
        /// The file is cut at a byte; `dropsLaterSegments` also deletes the segments after it,
        /// as a crash mid-roll leaves a journal.
        case truncation
        case bitFlip
        /// A 4 KiB page reads back as zeros (the last one may also grow the file to a page).
        case zeroedPage
    }

    enum Expected: Equatable {
        /// Recovery succeeds at `lastSequence`; `truncatedAt` is where a torn tail was cut.
        case recovers(lastSequence: UInt64, truncatedAt: Int?)
        /// Recovery refuses with `.corrupt` naming this file and offset.
        case corrupt(name: String, offset: Int)
        /// A segment ends cleanly but too early for the next one: `.inconsistent`.
        case inconsistent
    }

    static let pageSize = 4_096

    var kind: Kind
    var description: String
    /// The damaged segment's index and its new bytes; segments after `lastKept` are deleted.
    var segmentIndex: Int
    var bytes: [UInt8]
    var lastKept: Int

    static func random(of image: JournalImage, _ random: inout SplitMix64) -> JournalDamage {
        let kind = random.pick(Kind.allCases)
        // Weighted by size: a random byte of the whole journal picks the segment.
        var offset = Int.random(in: 0..<image.segments.reduce(0) { $0 + $1.bytes.count }, using: &random)
        var index = 0
        while offset >= image.segments[index].bytes.count {
            offset -= image.segments[index].bytes.count
            index += 1
        }
        var bytes = image.segments[index].bytes
        var lastKept = image.segments.count - 1
        let description: String
        switch kind {
        case .truncation:
            bytes.removeLast(bytes.count - offset)
            if random.chance(50) { lastKept = index }
            description = "\(image.segments[index].name) cut at \(offset)\(lastKept == index ? ", later segments gone" : "")"
        case .bitFlip:
            let bit = Int.random(in: 0..<8, using: &random)
            bytes[offset] ^= 1 << bit
            description = "\(image.segments[index].name) bit \(bit) of byte \(offset) flipped"
        case .zeroedPage:
            let start = offset / pageSize * pageSize
            let end = min(bytes.count, start + pageSize)
            for position in start..<end { bytes[position] = 0 }
            let grows = end == bytes.count && end < start + pageSize && random.chance(50)
            if grows { bytes += [UInt8](repeating: 0, count: start + pageSize - end) }
            description = "\(image.segments[index].name) page at \(start) zeroed\(grows ? " and grown" : "")"
        }
        return JournalDamage(kind: kind, description: description, segmentIndex: index, bytes: bytes, lastKept: lastKept)
    }

    /// The damaged journal's files, path → bytes.
    func files(of image: JournalImage) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (index, segment) in image.segments.enumerated() where index <= lastKept {
            files[JournalImage.path(segment.name)] = index == segmentIndex ? bytes : segment.bytes
        }
        return files
    }

    func expected(in image: JournalImage) -> Expected {
        let segment = image.segments[segmentIndex]
        let original = segment.bytes
        let isLast = segmentIndex == lastKept
        let common = min(original.count, bytes.count)
        guard let changed = Self.firstDifference(original, bytes, count: common)
                ?? (original.count == bytes.count ? nil : common) else {
            return .recovers(lastSequence: image.segments[lastKept].nextSequence - 1, truncatedAt: nil)
        }
        // The record holding the first changed byte; past the data, the record that would come next.
        let damaged = segment.records.first { $0.end > changed }
            ?? (sequence: segment.nextSequence, start: segment.dataLength, end: segment.dataLength)
        if bytes[damaged.start...].allSatisfy({ $0 == 0 }) {
            // Cut exactly between records, or only zeros after them (a reserve, however damage
            // left it): nothing is damaged, the segment just ends there.
            return isLast ? .recovers(lastSequence: damaged.sequence - 1, truncatedAt: nil) : .inconsistent
        }
        let intactAfter = segment.records.contains { record in
            record.start > damaged.start && record.end <= bytes.count
                && Self.firstDifference(original[record.start..<record.end], bytes[record.start..<record.end],
                                        count: record.end - record.start) == nil
        }
        return isLast && !intactAfter ? .recovers(lastSequence: damaged.sequence - 1, truncatedAt: damaged.start)
                                      : .corrupt(name: segment.name, offset: damaged.start)
    }

    /// The first index below `count` where the two differ, by bisecting with memcmp: this runs
    /// for every copy, and a byte loop in a debug build would cost more than the recovery.
    private static func firstDifference(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>, count: Int) -> Int? {
        guard count > 0 else { return nil }
        return left.withUnsafeBytes { left in
            right.withUnsafeBytes { right in
                let (left, right) = (left.baseAddress!, right.baseAddress!)
                guard memcmp(left, right, count) != 0 else { return nil }
                var (low, high) = (0, count)  // equal before low; a difference in low..<high
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if memcmp(left + low, right + low, middle - low) != 0 { high = middle } else { low = middle }
                }
                return low
            }
        }
    }

    private static func firstDifference(_ left: [UInt8], _ right: [UInt8], count: Int) -> Int? {
        firstDifference(left[...], right[...], count: count)
    }
}
