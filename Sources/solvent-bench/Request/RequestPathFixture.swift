import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SolventCore
import SolventServer
import SolventWire

/// What `RequestPathBench` runs the request path on, set up the way the server sets itself up:
/// one listed market in a `Catalog`, an `Authenticator` holding an HMAC and an Ed25519 key, a
/// rate limiter (not enforced, as in `solvent-bench http`), metrics, and the signed order
/// requests `solvent-bench http` sends, as Hummingbird hands them over.
struct RequestPathFixture {
    static let hmacKeyId = String(repeating: "h", count: 64)
    static let ed25519KeyId = String(repeating: "e", count: 64)
    static let clientIP = "127.0.0.1"
    static let hmacSecret = Array("bench-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP".utf8)

    let catalog = Catalog()
    let limiter: RateLimiter
    let gate: RequestGate
    let metrics = APIMetrics()
    let endpoint = Endpoint(.placeOrder) { _ in .empty }
    let table: EndpointTable
    var api: APIService { APIService(table: table, gate: gate, metrics: metrics) }
    let ed25519 = Curve25519.Signing.PrivateKey()
    /// The order's query without its signature: what the signature covers.
    let payload: String
    let hmacOrder: Request
    let badSignatureOrder: Request
    let ed25519Order: Request
    /// Events of a LIMIT IOC that expired untouched (bench-http's order) and of one that filled
    /// against two resting orders (for FULL's `fills`), from the real engine.
    let expiredEvents: ArraySlice<Event>
    let filledEvents: ArraySlice<Event>

    init() {
        var limits = RateLimits()
        limits.enforced = false
        limiter = RateLimiter(limits: limits)
        let authenticator = Authenticator(keys: [
            ActiveKey(id: Self.hmacKeyId, account: 1, credential: .hmac(secret: Self.hmacSecret),
                      permissions: [.read, .trade], ipAllowList: [], enabled: true),
            ActiveKey(id: Self.ed25519KeyId, account: 1, credential: .ed25519(publicKey: Array(ed25519.publicKey.rawRepresentation)),
                      permissions: [.read, .trade], ipAllowList: [], enabled: true),
        ])
        gate = RequestGate(limiter: limiter, authenticator: authenticator, adminToken: "")
        table = EndpointTable([endpoint])
        // Good for 60 s from now, like bench-http's prepared orders.
        let timestamp = Int64(Date().timeIntervalSince1970 * 1_000)
        payload = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.001&price=1.00"
            + "&newOrderRespType=ACK&recvWindow=60000&timestamp=\(timestamp)"
        let mac = HMAC<Crypto.SHA256>.authenticationCode(for: Array(payload.utf8), using: SymmetricKey(data: Self.hmacSecret))
        let hex = Hex.encode(Array(mac))
        hmacOrder = Self.order(payload + "&signature=" + hex, key: Self.hmacKeyId)
        badSignatureOrder = Self.order(payload + "&signature=" + String(hex.reversed()), key: Self.hmacKeyId)
        let signature = try! ed25519.signature(for: Array(payload.utf8)).base64EncodedString()
        ed25519Order = Self.order(payload + "&signature=" + Self.percentEncoded(signature), key: Self.ed25519KeyId)
        var exchange = BenchExchange()
        catalog.replace(assets: exchange.exchange.engine.assets, markets: [BenchExchange.spec])
        expiredEvents = exchange.expiringBuy()
        filledEvents = exchange.fillingBuy()
    }

    /// `POST /api/v3/order?query` with its API key and an empty body, as Hummingbird builds it.
    static func order(_ query: String, key: String) -> Request {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-MBX-APIKEY")!] = key
        fields[.contentLength] = "0"
        let head = HTTPRequest(method: .post, scheme: nil, authority: "bench", path: "/api/v3/order?" + query,
                               headerFields: fields)
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    /// Base64 as clients put it in a query: `+`, `/` and `=` escaped.
    static func percentEncoded(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
            .replacingOccurrences(of: "=", with: "%3D")
    }
}

/// A real exchange with bench-http's market (BTCUSDT, tick 0.01, step 0.00001) and two funded
/// accounts, for the events the replies are rendered from.
private struct BenchExchange {
    static let spec = MarketSpec(
        symbol: "BTCUSDT", base: 0, quote: 1,
        filters: MarketFilters(price: PriceFilter(minPrice: 1_000_000, maxPrice: 100_000_000_000_000, tickSize: 1_000_000),
                               lotSize: LotSizeFilter(minQuantity: 1_000, maxQuantity: 900_000_000_000, stepSize: 1_000)))
    var exchange = Exchange()
    var time: Timestamp = 1_700_000_000_000

    init() {
        apply(.listAsset(AssetSpec(name: "BTC")))
        apply(.listAsset(AssetSpec(name: "USDT")))
        apply(.listMarket(Self.spec))
        apply(.openAccount(nil))
        apply(.openAccount(nil))
        apply(.deposit(1, 1, 100_000_000_000_000))
        apply(.deposit(2, 0, 100_000_000_000))
        for price: Int64 in [100, 101] {
            apply(.placeOrder(.limit(2, 0, .sell, price: price * 100_000_000, quantity: 100_000, timeInForce: .gtc,
                                     clientOrderId: ClientOrderId("ask\(price)")!)))
        }
    }

    @discardableResult
    mutating func apply(_ command: Command) -> ArraySlice<Event> {
        time += 1
        return exchange.apply(command, at: time)[...]
    }

    /// bench-http's order: a LIMIT IOC buy of 0.001 at 1.00, far below the asks.
    mutating func expiringBuy() -> ArraySlice<Event> {
        apply(.placeOrder(.limit(1, 0, .buy, price: 100_000_000, quantity: 100_000, timeInForce: .ioc,
                                 clientOrderId: GeneratedClientOrderIds.next())))
    }

    /// A buy of 0.002 at 101 that takes both asks.
    mutating func fillingBuy() -> ArraySlice<Event> {
        apply(.placeOrder(.limit(1, 0, .buy, price: 10_100_000_000, quantity: 200_000, timeInForce: .ioc,
                                 clientOrderId: GeneratedClientOrderIds.next())))
    }
}
