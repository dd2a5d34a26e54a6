import Foundation
import SolventProof

/// The proof-of-liabilities settings of `solvent serve` (config file section `"proof"`):
///
///     "proof": {"exchangeId": "solvent", "treeHeight": 24, "epochIntervalSeconds": 86400,
///               "reserves": {"BTC": "1250.5", "USDT": "30000000"}}
///
/// Reserves are what the exchange claims to hold per asset, as decimal text in the asset's
/// units; an asset with no figure claims zero. They count only for assets no chain carries
/// (`chain.url`): the others' reserves are their wallets' attested balances (PROOF-FORMAT.md §11).
/// `solvent admin reserves` overrides a figure
/// at run time (kept in `<data>/proof/reserves.json`).
public struct ProofSettings: Sendable {
    /// Names the exchange in every epoch header and checkpoint (1–32 of `A–Z a–z 0–9 . _ -`).
    public var exchangeId = "solvent"
    /// Leaf slots are 2^treeHeight: hides the number of accounts below that.
    public var treeHeight = 24
    /// Publish an epoch this often while serving; nil: only on request (`solvent epoch`).
    public var epochIntervalSeconds: Int?
    public var reserves: [String: String] = [:]
    /// Whether `GET /sapi/v1/solvent/records` (raw journal records) is public. The journal holds
    /// every order, deposit and account id, so by default only the operator (the admin
    /// listener, admin token) reads it; an exchange that publishes its journal for third-party audits turns
    /// this on.
    public var publicJournalRecords = false

    public init() {}

    /// Refuses settings no epoch could be built with, before anything starts.
    func validate() throws {
        guard ProofAsset.isValidName(exchangeId) else {
            throw ServerError("proof.exchangeId \"\(exchangeId)\" must be 1-32 of A-Z a-z 0-9 . _ -")
        }
        guard (1...ProofFormat.heightMax).contains(treeHeight) else {
            throw ServerError("proof.treeHeight must be 1...\(ProofFormat.heightMax)")
        }
    }

    /// The origin line of the journal's checkpoints.
    var checkpointOrigin: String { "\(exchangeId)/journal" }
}

extension ServerConfiguration {
    /// Keys, epochs and reserves of proof of liabilities.
    var proofDirectory: String { layout.proof }
    /// The journal's Merkle log (leaf hashes).
    var merkleDirectory: String { layout.merkle }
}

/// The `"proof"` section of the configuration file.
struct ProofSettingsFile: Decodable {
    static let keys: Set<String> = ["exchangeId", "treeHeight", "epochIntervalSeconds", "reserves",
                                    "publicJournalRecords"]

    var exchangeId: String?
    var treeHeight: Int?
    var epochIntervalSeconds: Int?
    var reserves: [String: String]?
    var publicJournalRecords: Bool?

    func apply(to settings: inout ProofSettings) {
        settings.exchangeId = exchangeId ?? settings.exchangeId
        settings.treeHeight = treeHeight ?? settings.treeHeight
        settings.epochIntervalSeconds = epochIntervalSeconds ?? settings.epochIntervalSeconds
        settings.reserves = reserves ?? settings.reserves
        settings.publicJournalRecords = publicJournalRecords ?? settings.publicJournalRecords
    }
}
