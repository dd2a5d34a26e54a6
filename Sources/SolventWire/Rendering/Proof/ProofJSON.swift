import SolventCore
import SolventProof

/// The proof API's JSON answers under `/sapi/v1/solvent/` (hashes as lowercase hex; checkpoints
/// also as their signed note). The proofs and headers themselves are the proof format's own JSON
/// (`SolventProof`, PROOF-FORMAT.md); these are the answers around them.
public enum ProofJSON {
    public static func key(exchangeId: String, publicKeyHex: String, keyId: String, checkpointOrigin: String) -> [UInt8] {
        object { writer in
            writer.field("exchangeId", exchangeId)
            writer.field("publicKey", publicKeyHex)
            writer.field("keyId", keyId)
            writer.field("checkpointOrigin", checkpointOrigin)
        }
    }

    public static func secret(account: AccountId, _ secret: UserSecret) -> [UInt8] {
        object { writer in
            writer.field("accountId", Int64(account))
            writer.field("secret", secret.hex)
        }
    }

    public static func checkpoint(_ signed: SignedCheckpoint) -> [UInt8] {
        object { writer in
            writer.field("origin", signed.checkpoint.origin)
            writer.field("size", Int64(signed.checkpoint.size))
            writer.field("root", signed.checkpoint.root.hex)
            writer.field("note", signed.note)
        }
    }

    public static func inclusion(_ proof: LogInclusionProof, leaf: LogHash, root: LogHash) -> [UInt8] {
        object { writer in
            writer.field("sequence", Int64(proof.index + 1))
            writer.field("size", Int64(proof.size))
            writer.field("leafHash", leaf.hex)
            writer.field("root", root.hex)
            hashes("path", proof.path, &writer)
        }
    }

    public static func consistency(_ proof: LogConsistencyProof, firstRoot: LogHash, secondRoot: LogHash) -> [UInt8] {
        object { writer in
            writer.field("first", Int64(proof.first))
            writer.field("second", Int64(proof.second))
            writer.field("firstRoot", firstRoot.hex)
            writer.field("secondRoot", secondRoot.hex)
            hashes("path", proof.path, &writer)
        }
    }

    /// Each record's frame body in hex: the leaf data of the journal log (see `JournalLeaf`).
    public static func records(_ records: [(sequence: UInt64, time: Int64, body: [UInt8])]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + records.count * 256)
        writer.array { writer in
            for record in records {
                writer.object { item in
                    item.field("sequence", Int64(record.sequence))
                    item.field("time", record.time)
                    item.field("data", Hex.encode(record.body))
                }
            }
        }
        return writer.finish()
    }

    private static func hashes(_ name: String, _ hashes: [LogHash], _ writer: inout JSONWriter) {
        writer.key(name)
        writer.array { writer in for hash in hashes { writer.string(hash.hex) } }
    }

    private static func object(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.object(body)
        return writer.finish()
    }
}
