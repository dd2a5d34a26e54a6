import SolventCore
import SolventProof

/// What an auditor does with the journal prefix an epoch names: every record's leaf data
/// (`JournalLeaf`) is hashed into the RFC 9162 log and its command applied to a fresh
/// exchange, from genesis, with the project's own engine. At the end the log root must equal
/// the header's journal root, and the exchange's balances are the liabilities the tree had to
/// count. Read on past the epoch's size, the journal also holds the epoch's own header, in the
/// `publishEpoch` command the engine accepted for it.
package struct JournalReplay {
    private(set) var exchange = Exchange()
    private(set) var log = LogAccumulator()
    private var events: [Event] = []
    /// Every epoch header the engine accepted so far, by epoch, with its record's sequence.
    private(set) var publications: [UInt64: (sequence: UInt64, publication: EpochPublication)] = [:]

    var size: UInt64 { log.size }

    /// Feeds the next record's leaf data (sequence ‖ time ‖ command bytes).
    mutating func feed(_ data: UnsafeRawBufferPointer) throws(AuditFailure) {
        try feed(Array(data))
    }

    mutating func feed(_ data: [UInt8]) throws(AuditFailure) {
        let expected = log.size + 1
        var reader = BinaryReader(data)
        let sequence: UInt64
        let time: Int64
        let command: Command
        do {
            sequence = try reader.readUInt64()
            time = try reader.readInt64()
            command = try Command(from: &reader)
            try reader.expectEnd()
        } catch {
            throw .undecodableRecord(sequence: expected, reason: "\(error)")
        }
        guard sequence == expected else { throw .outOfOrder(found: sequence, expected: expected) }
        log.append(LogHasher.leaf(data))
        exchange.apply(command, at: time, into: &events)
        if case .publishEpoch(let publication) = command, exchange.engine.latestEpoch == publication,
           !events.contains(where: { if case .rejected = $0 { true } else { false } }) {
            publications[publication.epoch] = (sequence, publication)
        }
        events.removeAll(keepingCapacity: true)
    }
}

/// Why an epoch did not survive its audit; each check has its own reason.
public enum AuditFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case headerUnreadable(String)
    case badHeaderSignature
    case undecodableRecord(sequence: UInt64, reason: String)
    case outOfOrder(found: UInt64, expected: UInt64)
    /// The journal ends (or is damaged) before the size the epoch names.
    case journalTooShort(found: UInt64, expected: UInt64, damage: String?)
    /// The replayed journal's root is not the one the exchange signed: it was edited.
    case journalRootMismatch(computed: String, signed: String)
    case checkpointMismatch(String)
    /// The log today does not extend the epoch's log: history was rewritten since.
    case notAppendOnly(String)
    case liabilitiesMismatch(asset: String, replayed: String, signed: String)
    case assetsMismatch
    case treeRootMismatch(computed: String, signed: String)
    /// No header for the epoch in the journal after the records it names.
    case headerNotJournaled(epoch: UInt64)
    /// The journal holds another header for the epoch than the one served or stored.
    case headerNotTheJournaled(epoch: UInt64, sequence: UInt64)
    /// The epoch's reserve attestation does not verify, or its exchange-owned figures are not the replay's.
    case reservesInvalid(String)
    case source(String)

    public var description: String {
        switch self {
        case .headerUnreadable(let reason): "the epoch header cannot be read: \(reason)"
        case .badHeaderSignature: "the epoch header's signature does not verify with the exchange's key"
        case .undecodableRecord(let sequence, let reason): "journal record \(sequence) does not decode: \(reason)"
        case .outOfOrder(let found, let expected): "journal record \(found) found where \(expected) belongs"
        case .journalTooShort(let found, let expected, let damage):
            "the journal holds \(found) records but the epoch names \(expected)" + (damage.map { " (\($0))" } ?? "")
        case .journalRootMismatch(let computed, let signed):
            "the journal's Merkle root is \(computed) but the epoch signed \(signed): the journal was altered"
        case .checkpointMismatch(let reason): "the epoch's checkpoint does not match: \(reason)"
        case .notAppendOnly(let reason): "the journal log is not an extension of the epoch's: \(reason)"
        case .liabilitiesMismatch(let asset, let replayed, let signed):
            "liabilities of \(asset): the replayed journal gives \(replayed) units, the epoch signed \(signed)"
        case .assetsMismatch: "the replayed exchange lists other assets than the epoch header"
        case .treeRootMismatch(let computed, let signed): "the rebuilt tree's root is \(computed), the epoch signed \(signed)"
        case .headerNotJournaled(let epoch):
            "epoch \(epoch)'s header is not in the journal: nothing stops the exchange from showing users different headers for it"
        case .headerNotTheJournaled(let epoch, let sequence):
            "epoch \(epoch)'s header is not the one journaled at record \(sequence): the exchange shows another header than it committed to"
        case .reservesInvalid(let reason): "the reserve attestation is invalid: \(reason)"
        case .source(let reason): reason
        }
    }
}
