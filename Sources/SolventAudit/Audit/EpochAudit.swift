import Crypto
import Foundation
import SolventCore
import SolventJournal
import SolventProof

/// `solvent audit`: checks a published epoch against the journal, with the project's own code.
///
/// 1. the header's signature, with the exchange's public key;
/// 2. the journal prefix the header names, replayed from genesis: its RFC 9162 root must be the
///    header's journal root (an edited record changes it; a truncated journal is too short);
/// 3. the epoch's checkpoint: signed, same size and root;
/// 4. the liabilities: the replayed ledger's total per asset must be the header's root sums;
/// 5. the header is the journaled one: read on past the epoch's size, the journal must hold a
///    `publishEpoch` for the epoch that the engine accepted, byte for byte the header audited.
///    The engine refuses a second header for an epoch, so a header that passes is the only one
///    the exchange can ever have shown anyone for it;
/// 6. with the tree secret (offline, on the exchange's own data directory only): the whole tree
///    is rebuilt from the replayed balances and its root hash must be the header's.
///
/// 7. the reserve attestation (PROOF-FORMAT.md §11.4), when the epoch has one: its signatures,
///    its wallets' sums against the header's reserves, and that the exchange's own figures are
///    the replayed fee account's balances.
///
/// A third party auditing over the API gets 1, 2, 4, 5, 7 and the append-only check of the log
/// since the epoch's header, never any secret; the root hash needs the epoch's leaf keys (not
/// served).
public enum EpochAudit {
    /// What an audit established.
    public struct Report: Sendable {
        public let epoch: UInt64
        public let journalSize: UInt64
        public let journalRoot: String
        public let solvency: [AssetSolvency]
        public let treeRootChecked: Bool
        public let notes: [String]

        public var text: String {
            var lines = ["epoch \(epoch): journal records 1...\(journalSize) replayed, Merkle root \(journalRoot) matches",
                         "liabilities per asset match the replayed ledger"]
            lines.append(treeRootChecked ? "the tree rebuilt from the replay has the signed root hash"
                                         : "tree root hash not checked (needs the epoch's leaf keys)")
            lines += notes
            for asset in solvency {
                lines.append("  \(asset.asset.symbol): liabilities \(asset.liabilities), reserves \(asset.reserves), "
                             + "ratio \(asset.ratioText)")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Audits epoch `epoch` of the data directory `dataDirectory` (server stopped or running:
    /// it only reads). Uses the directory's own public key and tree secret.
    public static func offline(dataDirectory: String, epoch: UInt64, masterKeyPath: String? = nil) throws(AuditFailure)
        -> Report {
        let layout = DataDirectory(dataDirectory, masterKeyPath: masterKeyPath)
        let store: EpochStore
        let keys: ProofKeys
        do {
            for file in ["signing.key", "tree.secret"] where !FileManager.default.fileExists(
                atPath: layout.proof + "/" + file) {
                throw AuditFileError("\(layout.proof)/\(file) is missing")
            }
            store = try EpochStore(directory: layout.epochs)
            keys = try ProofKeys(directory: layout.proof,
                                 masterKey: MasterKey(path: try layout.masterKey))
        } catch {
            throw .source("\(error)")
        }
        let signed = try header(epoch) { store.headerJSON(epoch) }
        try check(signed, key: keys.publicKey)
        let header = signed.header
        var replay = JournalReplay()
        let reader = JournalReader(directory: layout.journal)
        let damage = try read(reader, through: header.journalSize, into: &replay)
        try checkJournal(replay, header, damage: damage)
        let checkpoint: SignedCheckpoint?
        do { checkpoint = try store.checkpoint(epoch) } catch { throw .checkpointMismatch("\(error)") }
        guard let checkpoint else { throw .checkpointMismatch("no checkpoint stored for epoch \(epoch)") }
        try checkCheckpoint(checkpoint, header, key: keys.publicKey)
        let snapshot = try checkLiabilities(replay, header)
        // The header's own record comes after the records it names: read on until it turns up.
        while replay.publications[epoch] == nil {
            let size = replay.size
            _ = try read(reader, through: size + UInt64(AuditAPI.recordsPageMax), into: &replay)
            if replay.size == size { break }
        }
        let journaled = try checkJournaled(signed, replay)
        let reserves = try checkReserves(store.reservesJSON(epoch), header: store.headerJSON(epoch) ?? [], key: keys.publicKey,
                                         snapshot: snapshot)
        let tree: LiabilityTree
        do {
            tree = try LiabilityTree.build(snapshot, epoch: epoch, height: header.height, secrets: keys.secrets)
        } catch {
            throw .source("the tree cannot be rebuilt: \(error)")
        }
        guard tree.rootHash == header.rootHash else {
            throw .treeRootMismatch(computed: tree.rootHash.hex, signed: header.rootHash.hex)
        }
        return Report(epoch: epoch, journalSize: header.journalSize, journalRoot: header.journalRoot.hex,
                      solvency: header.solvency, treeRootChecked: true,
                      notes: ["checkpoint at size \(checkpoint.checkpoint.size) is signed and matches", journaled, reserves])
    }

    /// Feeds `replay` the records after its size through `last`; how the journal ends (damage).
    private static func read(_ reader: JournalReader, through last: UInt64,
                             into replay: inout JournalReplay) throws(AuditFailure) -> String? {
        do {
            return try reader.frames(after: replay.size, through: last) { try replay.feed($0.body) }
        } catch let failure as AuditFailure {
            throw failure
        } catch {
            throw .source("\(error)")
        }
    }

    /// The journal's header for the epoch must be `signed`, byte for byte.
    static func checkJournaled(_ signed: SignedEpochHeader, _ replay: JournalReplay) throws(AuditFailure) -> String {
        let epoch = signed.header.epoch
        guard let (sequence, publication) = replay.publications[epoch] else { throw .headerNotJournaled(epoch: epoch) }
        guard signed.isJournaled(as: publication) else { throw .headerNotTheJournaled(epoch: epoch, sequence: sequence) }
        return "the header is the one journaled at record \(sequence)"
    }

    static func header(_ epoch: UInt64, _ read: () throws -> [UInt8]?) throws(AuditFailure) -> SignedEpochHeader {
        do {
            guard let json = try read() else { throw AuditFileError("epoch \(epoch) is not published") }
            return try SignedEpochHeader(json: json)
        } catch {
            throw .headerUnreadable("\(error)")
        }
    }

    static func check(_ signed: SignedEpochHeader, key: Curve25519.Signing.PublicKey) throws(AuditFailure) {
        guard signed.header.keyId == KeyId(publicKey: Array(key.rawRepresentation)), signed.isSigned(by: key) else {
            throw .badHeaderSignature
        }
    }

    static func checkJournal(_ replay: JournalReplay, _ header: EpochHeader, damage: String?) throws(AuditFailure) {
        guard replay.size == header.journalSize else {
            throw .journalTooShort(found: replay.size, expected: header.journalSize, damage: damage)
        }
        let root = replay.log.root
        guard root.bytes == header.journalRoot.bytes else {
            throw .journalRootMismatch(computed: root.hex, signed: header.journalRoot.hex)
        }
    }

    static func checkCheckpoint(_ checkpoint: SignedCheckpoint, _ header: EpochHeader,
                                key: Curve25519.Signing.PublicKey) throws(AuditFailure) {
        do { try checkpoint.verify(publicKey: key) } catch { throw .checkpointMismatch("\(error)") }
        guard checkpoint.checkpoint.size == header.journalSize,
              checkpoint.checkpoint.root.bytes == header.journalRoot.bytes else {
            throw .checkpointMismatch("it names size \(checkpoint.checkpoint.size), root \(checkpoint.checkpoint.root)")
        }
    }

    /// The replayed balances as the tree's input; their totals must be the signed root sums.
    static func checkLiabilities(_ replay: JournalReplay, _ header: EpochHeader) throws(AuditFailure)
        -> LiabilitySnapshot {
        let snapshot = LiabilitySnapshot(exchange: replay.exchange)
        guard snapshot.assets == header.assets else { throw .assetsMismatch }
        var totals = [UInt128](repeating: 0, count: snapshot.assets.count)
        for row in 0..<snapshot.accountCount {
            for (index, balance) in snapshot.balances(row: row).enumerated() { totals[index] += UInt128(balance) }
        }
        for (index, asset) in snapshot.assets.enumerated() where totals[index] != header.rootSums[index] {
            throw .liabilitiesMismatch(asset: asset.symbol, replayed: "\(totals[index])", signed: "\(header.rootSums[index])")
        }
        return snapshot
    }
}
