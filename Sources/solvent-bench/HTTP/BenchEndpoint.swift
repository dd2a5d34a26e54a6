import ArgumentParser

/// What `solvent-bench http` sends Solvent. Every request is one a trader would send and that
/// succeeds: orders expire untouched, cancels find the order they name, each cancel-replace
/// takes the order its connection's previous one rested.
enum BenchEndpoint: String, ExpressibleByArgument, CaseIterable {
    case order
    case account
    case cancel
    case cancelReplace = "cancel-replace"

    var title: String {
        switch self {
        case .order: "signed POST /api/v3/order (HMAC, journaled, fsynced)"
        case .account: "signed GET /api/v3/account"
        case .cancel: "signed DELETE /api/v3/order (journaled, fsynced)"
        case .cancelReplace: "signed POST /api/v3/order/cancelReplace (journaled, fsynced)"
        }
    }

    /// wrk cycles one list of prepared requests over all its connections, so it can send only
    /// requests that stay valid repeated in any order; the others need the built-in client,
    /// whose connections each send their own sequence.
    var repeatable: Bool { self == .order || self == .account }

    /// An account may rest at most this many orders in a market (`MAX_NUM_ORDERS`).
    static let restingPerTraderMax = 200

    /// Traders each connection needs: cancels spread their resting orders over several.
    func tradersPerConnection(resting: Int) -> Int {
        self == .cancel ? (resting + Self.restingPerTraderMax - 1) / Self.restingPerTraderMax : 1
    }

    func wrkRequests(_ traders: [BenchTrader]) -> [WrkRequest] {
        switch self {
        case .order: (0..<8).flatMap { _ in traders.map { $0.wrk("POST", $0.orderTarget()) } }
        case .account: traders.map { $0.wrk("GET", $0.accountTarget()) }
        case .cancel, .cancelReplace: preconditionFailure("\(self) is sent by the built-in client only")
        }
    }

    /// The requests of one measurement for the built-in client, connection `c` sending as its
    /// `tradersPerConnection` traders from `c × tradersPerConnection` on: `(c, n)` is the n-th,
    /// nil when the connection has nothing left. Orders these cancel are placed first, untimed
    /// (`restingPerConnection` for cancels; one for the chain of cancel-replaces); `run` keeps
    /// client order ids apart between measurements.
    func source(port: Int, traders: [BenchTrader], run: Int, restingPerConnection: Int) throws
        -> @Sendable (Int, Int) -> [UInt8]? {
        let id: @Sendable (Int, Int) -> String = { connection, n in "r\(run)c\(connection)n\(n)" }
        switch self {
        case .order:
            let prepared = traders.map { $0.raw("POST", $0.orderTarget()) }
            return { connection, _ in prepared[connection] }
        case .account:
            let prepared = traders.map { $0.raw("GET", $0.accountTarget()) }
            return { connection, _ in prepared[connection] }
        case .cancel:
            let perTrader = Self.restingPerTraderMax
            let count = tradersPerConnection(resting: restingPerConnection)
            // Trader t rests its orders n = 0..<perTrader under id(t, n).
            try rest(port: port, traders: traders, perTrader: perTrader, id: id)
            return { connection, n in
                guard n < restingPerConnection else { return nil }
                let trader = connection * count + n / perTrader
                return traders[trader].raw("DELETE", traders[trader].cancelTarget(id(trader, n % perTrader)))
            }
        case .cancelReplace:
            try rest(port: port, traders: traders, perTrader: 1, id: id)
            return { connection, n in
                traders[connection].raw("POST", traders[connection].cancelReplaceTarget(id(connection, n), id(connection, n + 1)))
            }
        }
    }

    /// Cancels, untimed, what a cancel measurement left resting, so the next measurement's
    /// resting orders stay within `MAX_NUM_ORDERS`; order and account measurements rest nothing.
    func clear(port: Int, traders: [BenchTrader]) throws {
        guard self == .cancel || self == .cancelReplace else { return }
        let cleared = try LoadRun(port: port, connections: traders.count, seconds: 600).run { trader, n in
            n == 0 ? traders[trader].raw("DELETE", traders[trader].cancelAllTarget()) : nil
        }
        // A trader with nothing left open answers -2011, counted as a failure here but expected.
        guard cleared.requests + cleared.failures == traders.count else {
            throw ValidationError("clearing the resting orders failed: \(cleared.requests + cleared.failures) of \(traders.count) answered")
        }
    }

    /// Places `perTrader` resting orders for every trader, a connection each.
    private func rest(port: Int, traders: [BenchTrader], perTrader: Int, id: @escaping @Sendable (Int, Int) -> String)
        throws {
        let placed = try LoadRun(port: port, connections: traders.count, seconds: 600).run { trader, n in
            n < perTrader ? traders[trader].raw("POST", traders[trader].restingOrderTarget(id(trader, n))) : nil
        }
        guard placed.failures == 0, placed.requests == traders.count * perTrader else {
            throw ValidationError("placing the resting orders failed: \(placed.requests) placed, \(placed.failures) refused, "
                                  + "first: \(placed.firstRefusal ?? "-")")
        }
    }
}
