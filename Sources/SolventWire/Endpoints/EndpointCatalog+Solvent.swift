/// Solvent's own endpoints: the operational ones, the operator's surface under `/admin/v1`, and
/// proof of liabilities under `/sapi/v1/solvent` (a prefix Binance's paths never use).
extension EndpointCatalog {
    /// `/health`, `/ready` and `/metrics`.
    public static let operational: [EndpointDeclaration] = [.health, .ready, .metrics]
    /// What `solvent admin` and `solvent epoch` call: the admin listener, with the admin token.
    public static let admin: [EndpointDeclaration] = [
        .openAccount, .createAPIKey, .listAPIKeys, .revokeAPIKey, .enableAPIKey, .deposit, .balances, .listAsset,
        .listMarket, .setMarketStatus, .publishEpoch, .setReserves, .userSecretForOperator,
    ]
    /// Epoch headers, keys, checkpoints and log proofs are public; a proof and the user's secret
    /// go only to their owner.
    public static let proof: [EndpointDeclaration] = [
        .epochHeader, .reserveAttestation, .epochKey, .liabilityProof, .userSecret, .checkpoint, .inclusionProof, .consistencyProof,
        .journalRecords,
    ]
}

extension EndpointDeclaration {
    public static let health = EndpointDeclaration("GET", "/health", .none, weight: 1)
    public static let ready = EndpointDeclaration("GET", "/ready", .none, weight: 1)
    public static let metrics = EndpointDeclaration("GET", "/metrics", .none, weight: 1)

    public static let openAccount = admin("POST", "/account")
    public static let createAPIKey = admin("POST", "/apiKey")
    public static let listAPIKeys = admin("GET", "/apiKeys")
    public static let revokeAPIKey = admin("DELETE", "/apiKey")
    public static let enableAPIKey = admin("POST", "/apiKey/enabled")
    public static let deposit = admin("POST", "/deposit")
    public static let balances = admin("GET", "/balances")
    public static let listAsset = admin("POST", "/asset")
    public static let listMarket = admin("POST", "/market")
    public static let setMarketStatus = admin("POST", "/market/status")
    public static let publishEpoch = admin("POST", "/solvent/epoch")
    public static let setReserves = admin("POST", "/solvent/reserves")
    public static let userSecretForOperator = admin("GET", "/solvent/secret")

    public static let epochHeader = proof("/epoch", .none)
    /// The reserve attestation behind an epoch header's reserves (PROOF-FORMAT.md §11).
    public static let reserveAttestation = proof("/reserves", .none)
    public static let epochKey = proof("/key", .none)
    public static let liabilityProof = proof("/proof", .userData)
    public static let userSecret = proof("/secret", .proofSecret)
    public static let checkpoint = proof("/checkpoint", .none)
    public static let inclusionProof = proof("/inclusion", .none)
    public static let consistencyProof = proof("/consistency", .none)
    /// Raw records reveal every account's activity: the operator's, unless the server's settings
    /// make them public (the one endpoint whose security its binding may relax).
    public static let journalRecords = proof("/records", .admin)

    /// The prefix of the proof endpoints.
    static let proofPrefix = "/sapi/v1/solvent"

    private static func admin(_ method: String, _ path: String) -> EndpointDeclaration {
        EndpointDeclaration(method, "/admin/v1" + path, .admin, weight: 1)
    }

    private static func proof(_ path: String, _ security: SecurityType) -> EndpointDeclaration {
        EndpointDeclaration("GET", proofPrefix + path, security, weight: 1)
    }
}
