import SolventCore
import SolventStore
import SolventWire

/// The caller's own orders, trades and balances (spec §3.4). Every query is scoped to the
/// authenticated account: another account's ids simply are not found.
enum AccountEndpoints {
    static let day: Int64 = 86_400_000

    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint("GET", "/api/v3/order", .userData) { request throws(BinanceError) in try await order(request, context) },
            Endpoint("GET", "/api/v3/openOrders", .userData) { request throws(BinanceError) in
                try await openOrders(request, context)
            },
            Endpoint("GET", "/api/v3/allOrders", .userData) { request throws(BinanceError) in
                try await allOrders(request, context)
            },
            Endpoint("GET", "/api/v3/account", .userData) { request throws(BinanceError) in
                try await account(request, context)
            },
            Endpoint("GET", "/api/v3/myTrades", .userData) { request throws(BinanceError) in
                try await myTrades(request, context)
            },
            Endpoint("GET", "/api/v3/account/commission", .userData) { request throws(BinanceError) in
                let market = try context.market(request.parameters)
                return Reply(CommissionJSON.account(try await context.fees(of: request.caller), symbol: market.names.symbol))
            },
            Endpoint("GET", "/api/v3/rateLimit/order", .userData) { request throws(BinanceError) in
                Reply(OrderCountJSON.render(context.limiter, account: request.caller, now: request.receivedAt))
            },
        ]
    }

    private static func order(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let reference = try TradingEndpoints.orderReference(request.parameters, idName: "orderId",
                                                            clientIdName: "origClientOrderId")
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
        var writer = JSONWriter(capacity: 1_024)
        writer.array { writer in
            for (market, list) in zip(markets, orders) {
                for order in list { OrderJSON.write(order, market: market.names, to: &writer) }
            }
        }
        return Reply(writer.finish())
    }

    private static func allOrders(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let (startTime, endTime) = try timeRange(parameters)
        let limit = try limitParameter(parameters, default: 500, max: 1_000)
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
        let (startTime, endTime) = try timeRange(parameters)
        let limit = try limitParameter(parameters, default: 500, max: 1_000)
        await context.historyCaughtUp()
        let trades = try storeQuery {
            try context.history.store.accountTrades(account: request.caller, market: market.id,
                                                    orderId: try parameters.int64("orderId"),
                                                    fromId: try parameters.int64("fromId"), startTime: startTime,
                                                    endTime: endTime, limit: limit)
        }
        return Reply(AccountTradeJSON.renderList(trades.map(\.wire), market: market.names))
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
            updateTime: request.receivedAt,
            balances: zip(assets, balances).map { AssetBalance(asset: $0.name, scale: $0.scale, balance: $1) })
        let omitZero = try request.parameters.bool("omitZeroBalances") ?? false
        return Reply(AccountJSON.render(snapshot, omitZeroBalances: omitZero))
    }

    /// `startTime` / `endTime`, at most 24 hours apart (-1127).
    static func timeRange(_ parameters: RequestParameters) throws(BinanceError) -> (Timestamp?, Timestamp?) {
        let startTime = try parameters.timestampMilliseconds("startTime")
        let endTime = try parameters.timestampMilliseconds("endTime")
        if let startTime, let endTime {
            guard endTime >= startTime else { throw .invalidParameter("endTime") }
            guard endTime - startTime <= day else { throw .rangeTooLarge }
        }
        return (startTime, endTime)
    }
}

extension SolventStore.AccountTrade {
    var wire: SolventWire.AccountTrade {
        SolventWire.AccountTrade(id: tradeId, orderId: orderId, price: price, quantity: quantity, quote: quote,
                                 commission: commission, commissionAsset: commissionAsset, time: time,
                                 isBuyer: isBuyer, isMaker: isMaker)
    }
}
