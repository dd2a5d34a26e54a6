/// The names of the files in a data directory. Numbers are zero-padded to 20 digits so that the
/// names sort in sequence order:
///
///     journal-00000000000000000001.log    a segment; the number is its first record's sequence
///     snapshot-00000000000000500000.snap  the state after the record with that sequence
///     *.tmp                               a snapshot being written; ignored and removed at start
public enum JournalFiles {
    static let segmentPrefix = "journal-"
    static let segmentSuffix = ".log"
    static let snapshotPrefix = "snapshot-"
    static let snapshotSuffix = ".snap"
    static let temporarySuffix = ".tmp"

    public static func segmentName(firstSequence: UInt64) -> String {
        segmentPrefix + padded(firstSequence) + segmentSuffix
    }

    public static func snapshotName(sequence: UInt64) -> String {
        snapshotPrefix + padded(sequence) + snapshotSuffix
    }

    static func segmentSequence(_ name: String) -> UInt64? {
        number(in: name, prefix: segmentPrefix, suffix: segmentSuffix)
    }

    static func snapshotSequence(_ name: String) -> UInt64? {
        number(in: name, prefix: snapshotPrefix, suffix: snapshotSuffix)
    }

    static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The segments in `names`, oldest first, as (first sequence, name).
    static func segments(in names: [String]) -> [(first: UInt64, name: String)] {
        names.compactMap { name in segmentSequence(name).map { (first: $0, name: name) } }.sorted { $0.first < $1.first }
    }

    /// The snapshots in `names`, newest first, as (sequence, name).
    static func snapshots(in names: [String]) -> [(sequence: UInt64, name: String)] {
        names.compactMap { name in snapshotSequence(name).map { (sequence: $0, name: name) } }
            .sorted { $0.sequence > $1.sequence }
    }

    private static func padded(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    private static func number(in name: String, prefix: String, suffix: String) -> UInt64? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }
}
