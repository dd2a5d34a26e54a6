import SolventCore
import SolventWire

/// The caller's own orders, trades and balances (spec §3.4). Every query is scoped to the
/// authenticated account: another account's ids simply are not found.
enum AccountEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.queryOrder) { request throws(BinanceError) in try await order(request, context) },
            Endpoint(.openOrders) { request throws(BinanceError) in
                try await openOrders(request, context)
            },
            Endpoint(.allOrders) { request throws(BinanceError) in
                try await allOrders(request, context)
            },
            Endpoint(.account) { request throws(BinanceError) in
                try await account(request, context)
            },
            Endpoint(.myTrades) { request throws(BinanceError) in
                try await myTrades(request, context)
            },
            Endpoint(.accountCommission) { request throws(BinanceError) in
                let market = try context.market(request.parameters)
                return Reply(CommissionJSON.account(try await context.fees(of: request.caller), symbol: market.names.symbol))
            },
            Endpoint(.orderRateLimit) { request throws(BinanceError) in
                Reply(OrderCountJSON.render(context.limiter.orderUsage(account: request.caller, now: request.receivedAt)))
            },
        ]
    }

    private static func order(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let reference = try request.parameters.orderReference(idName: "orderId", clientIdName: "origClientOrderId")
        await context.historyCaughtUp()
        let found = try storeQuery {
            try context.history.store.order(account: request.caller, market: market.id, orderId: reference.orderId,
                                            clientOrderId: reference.clientOrderId == .none ? nil : reference.clientOrderId)
        }
        guard let found else { throw .orderDoesNotExist }
        return Reply(OrderJSON.render(found, market: market.names))
    }

    private static func openOrders(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let markets = request.parameters["symbol"] == nil ? context.allMarkets : [try context.market(request.parameters)]
        let account = request.caller
        let ids = markets.map(\.id)
        let orders = try await context.gateway.read { exchange in
            ids.map { id in
                (exchange.openOrders(id, .buy) + exchange.openOrders(id, .sell) + exchange.engine.waitingOrders(id))
                    .filter { $0.account == account }.sorted { $0.id < $1.id }
            }
        }
        return Reply(OrderJSON.renderList(byMarket: zip(orders, markets).map { ($0, $1.names) }))
    }

    private static func allOrders(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let (startTime, endTime) = try parameters.dayRange()
        let limit = try parameters.limit(default: 500, max: 1_000)
        await context.historyCaughtUp()
        let orders = try storeQuery {
            try context.history.store.orders(account: request.caller, market: market.id,
                                             fromOrderId: try parameters.int64("orderId"), startTime: startTime,
                                             endTime: endTime, limit: limit)
        }
        return Reply(OrderJSON.renderList(orders, market: market.names))
    }

    private static func myTrades(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let (startTime, endTime) = try parameters.dayRange()
        let limit = try parameters.limit(default: 500, max: 1_000)
        await context.historyCaughtUp()
        let trades = try storeQuery {
            try context.history.store.accountTrades(account: request.caller, market: market.id,
                                                    orderId: try parameters.int64("orderId"),
                                                    fromId: try parameters.int64("fromId"), startTime: startTime,
                                                    endTime: endTime, limit: limit)
        }
        return Reply(AccountTradeJSON.renderList(trades, market: market.names))
    }

    private static func account(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let account = request.caller
        let assets = context.catalog.snapshot.assets
        let (balances, holder) = try await context.gateway.read { exchange in
            let accounts = exchange.engine.ledger.accounts
            let holder = Int(account) < accounts.count ? accounts[Int(account)] : nil
            return (assets.indices.map { exchange.balance(of: account, AssetId($0)) }, holder)
        }
        let snapshot = AccountSnapshot(
            uid: Int64(account), fees: holder?.fees ?? .standard, canTrade: holder?.canTrade ?? false,
            updateTime: holder?.balancesUpdatedAt ?? 0,
            balances: zip(assets, balances).map { AssetBalance(asset: $0.name, scale: $0.scale, balance: $1) })
        let omitZero = try request.parameters.bool("omitZeroBalances") ?? false
        return Reply(AccountJSON.render(snapshot, omitZeroBalances: omitZero))
    }
}
