import SolventCore
import SolventWire

/// The auditor's view: every account read-only, for a key that holds the audit permission and
/// nothing else (every other endpoint refuses such a key: it has none of their permissions).
/// Each request is written to the access log (and, when a checkpoint is due, its head journaled)
/// before it is answered; one that cannot be logged is refused.
enum AuditEndpoints {
    static func all(_ context: ServerContext, proof: ProofServices, log: AccessLogCheckpoints) -> [Endpoint] {
        [
            Endpoint(.auditAccounts) { request throws(BinanceError) in
                try await logged(request, log)
                return try await accounts(request, context)
            },
            Endpoint(.auditExport) { request throws(BinanceError) in
                try await logged(request, log)
                return try await export(request, context)
            },
            Endpoint(.auditJournalRecords) { request throws(BinanceError) in
                try await logged(request, log)
                return try ProofEndpoints.records(request, proof)
            },
            Endpoint(.auditAccessLog) { request throws(BinanceError) in
                try await logged(request, log)
                return try accessLog(request, log)
            },
        ]
    }

    private static func logged(_ request: APIRequest, _ log: AccessLogCheckpoints) async throws(BinanceError) {
        let head = try log.log.record(time: request.receivedAt, key: request.apiKey ?? "", path: request.path,
                                      query: request.rawQuery)
        try await log.entryWritten(head)
    }

    /// A page of accounts from `fromAccount` (default 1), `limit` of them (default 500, at most 5,000).
    private static func accounts(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let first = max(1, Int(try request.parameters.int64("fromAccount") ?? 1))
        let limit = try request.parameters.limit(default: 500, max: 5_000)
        let assets = context.catalog.snapshot.assets
        let (rows, total) = try await context.gateway.read { exchange in
            let accounts = exchange.engine.ledger.accounts
            let range = min(first, accounts.count)..<min(first + limit, accounts.count)
            let rows = range.map { index in
                let id = AccountId(index)
                let balances = assets.indices.compactMap { asset -> AssetBalance? in
                    let balance = exchange.balance(of: id, AssetId(asset))
                    guard balance.free != 0 || balance.locked != 0 else { return nil }
                    return AssetBalance(asset: assets[asset].name, scale: assets[asset].scale, balance: balance)
                }
                return AuditJSON.AccountRow(account: id, frozen: accounts[index].frozen,
                                            canTrade: accounts[index].canTrade, balances: balances)
            }
            return (rows, accounts.count)
        }
        let next = first + limit < total ? AccountId(first + limit) : nil
        return Reply(AuditJSON.accounts(rows, next: next))
    }

    /// `account`, `kind` (orders | trades | ledger), `format` (csv, the default, | jsonl), and optionally
    /// `startTime` / `endTime`: the account's rows (in every market), streamed.
    private static func export(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let account = try AdminEndpoints.accountParameter(request)
        guard let kind = AuditExportKind(rawValue: try parameters.required("kind")) else { throw .invalidParameter("kind") }
        guard let format = AuditExportFormat(rawValue: parameters["format"] ?? "csv") else {
            throw .invalidParameter("format")
        }
        let (startTime, endTime) = (try parameters.int64("startTime"), try parameters.int64("endTime"))
        if let startTime, let endTime, startTime > endTime { throw .invalidParameter("startTime") }
        let exists = try await context.gateway.read { $0.engine.ledger.contains(account) }
        guard exists, account > 0 else { throw .invalidParameter("account") }
        await context.historyCaughtUp()
        let listings = context.catalog.snapshot
        let markets = listings.markets.enumerated().map { index, spec in
            (id: MarketId(index), names: MarketNames(spec: spec, base: listings.assets[Int(spec.base)],
                                                     quote: listings.assets[Int(spec.quote)]))
        }
        let scope = AuditExport.Scope(account: account, kind: kind, format: format, startTime: startTime, endTime: endTime)
        let export = AuditExport(scope, store: context.history.store, markets: markets, assets: listings.assets)
        return Reply(streaming: export.body, contentType: format.contentType)
    }

    /// The log's lines from `fromIndex` (default 1), `limit` of them (default 500, at most 5,000),
    /// with the head, whether the chain holds, the latest head the journal holds and whether the
    /// chain reaches it.
    private static func accessLog(_ request: APIRequest, _ log: AccessLogCheckpoints) throws(BinanceError) -> Reply {
        let first = max(1, Int(try request.parameters.int64("fromIndex") ?? 1))
        let limit = try request.parameters.limit(default: 500, max: 5_000)
        let reading: AccessLog.Reading
        do {
            reading = try AccessLog.read(log.log.path)
        } catch {
            throw .unknown("the auditors' access log cannot be read")
        }
        let lines = Array(reading.lines.dropFirst(first - 1).prefix(limit))
        let journaled = log.journaled
        return Reply(AuditJSON.accessLog(headIndex: reading.head.index, headHash: reading.head.hash, brokenAt: reading.brokenAt,
                                         journaled: journaled.map { ($0.index, "\($0.hash)", reading.holds($0)) }, lines: lines))
    }
}
