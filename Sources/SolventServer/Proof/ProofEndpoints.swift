import SolventCore
import SolventProof
import SolventWire

/// Proof of liabilities and the journal's Merkle log on the API, under `/sapi/v1/solvent/` so
/// the paths can never collide with Binance's. Headers, keys, checkpoints and log proofs are
/// public; a proof reveals its siblings' sums, so it goes only to its owner (USER_DATA, the
/// caller's own account, whatever parameters say), as does the user's secret.
enum ProofEndpoints {
    static func all(_ proof: ProofServices) -> [Endpoint] {
        [
            Endpoint(.epochHeader) { request throws(BinanceError) in
                Reply(try proof.headerJSON(try epochParameter(request)))
            },
            Endpoint(.reserveAttestation) { request throws(BinanceError) in
                Reply(try proof.reservesJSON(try epochParameter(request)))
            },
            Endpoint(.epochKey) { _ throws(BinanceError) in
                Reply(ProofJSON.key(exchangeId: proof.settings.exchangeId, publicKeyHex: proof.keys.publicKeyHex,
                                    keyId: proof.keys.keyId.description, checkpointOrigin: proof.settings.checkpointOrigin))
            },
            Endpoint(.liabilityProof) { request throws(BinanceError) in
                let made = try await proof.proof(account: request.caller, epoch: try epochParameter(request))
                return Reply(Array(made.json.utf8))
            },
            Endpoint(.userSecret) { request throws(BinanceError) in
                Reply(ProofJSON.secret(account: request.caller, try proof.userSecret(account: request.caller,
                                                                                    epoch: try epochParameter(request))))
            },
            Endpoint(.checkpoint) { request throws(BinanceError) in
                let fresh = try request.parameters.bool("fresh") ?? false
                return Reply(ProofJSON.checkpoint(try await proof.checkpoint(fresh: fresh)))
            },
            Endpoint(.inclusionProof) { request throws(BinanceError) in
                let (made, leaf, root) = try proof.inclusion(sequence: try count(request, "sequence"),
                                                             size: try count(request, "size"))
                return Reply(ProofJSON.inclusion(made, leaf: leaf, root: root))
            },
            Endpoint(.consistencyProof) { request throws(BinanceError) in
                let (made, first, second) = try proof.consistency(first: try count(request, "first"),
                                                                  second: try count(request, "second"))
                return Reply(ProofJSON.consistency(made, firstRoot: first, secondRoot: second))
            },
            // Raw records reveal every account's activity: the operator's unless made public.
            Endpoint(.journalRecords, security: proof.settings.publicJournalRecords ? .none : .admin) {
                request throws(BinanceError) in try records(request, proof)
            },
        ]
    }

    /// A page of raw journal records from `fromSequence`, `limit` of them (100 by default): the
    /// operator's, the auditor's, and everyone's when the settings make them public.
    static func records(_ request: APIRequest, _ proof: ProofServices) throws(BinanceError) -> Reply {
        let limit = try request.parameters.int("limit") ?? 100
        guard (1...ProofServices.recordPageMax).contains(limit) else { throw .invalidParameter("limit") }
        return Reply(ProofJSON.records(try proof.records(from: try count(request, "fromSequence"), limit: limit)))
    }

    /// The operator's side, admin listener and admin token only (`solvent epoch`, `solvent admin`).
    static func admin(_ proof: ProofServices, _ operations: AdminOperations) -> [Endpoint] {
        [
            Endpoint(.publishEpoch) { _ throws(BinanceError) in
                let published = try await proof.publishEpoch()
                return Reply(Array(published.header.json.utf8))
            },
            Endpoint(.setReserves) { request throws(BinanceError) in
                let name = try request.parameters.required("asset")
                let (_, spec) = try operations.asset(named: name)
                do {
                    try proof.reserves.set(asset: name, amount: try request.parameters.required("amount"), scale: spec.scale)
                } catch let error as BinanceError {
                    throw error
                } catch {
                    throw .invalidParameter("amount")
                }
                return .empty
            },
            Endpoint(.userSecretForOperator) { request throws(BinanceError) in
                let account = try AdminEndpoints.accountParameter(request)
                return Reply(ProofJSON.secret(account: account, try proof.userSecret(account: account,
                                                                                      epoch: try epochParameter(request))))
            },
        ]
    }

    private static func epochParameter(_ request: APIRequest) throws(BinanceError) -> UInt64? {
        guard let value = try request.parameters.int64("epoch") else { return nil }
        guard value >= 1 else { throw .invalidParameter("epoch") }
        return UInt64(value)
    }

    /// A mandatory non-negative integer.
    private static func count(_ request: APIRequest, _ name: String) throws(BinanceError) -> UInt64 {
        guard let value = try request.parameters.int64(name) else { throw .mandatoryParameter(name) }
        guard value >= 0 else { throw .invalidParameter(name) }
        return UInt64(value)
    }
}
