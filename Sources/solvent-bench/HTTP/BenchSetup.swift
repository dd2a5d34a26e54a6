import Foundation
import SolventCommandLine

/// Lists BTC, USDT and BTCUSDT on the benchmark's server and makes funded traders, through the
/// admin listener like an operator would.
struct BenchSetup {
    let adminPort: Int
    let directory: String

    func traders(_ count: Int) throws -> [BenchTrader] {
        let client = try KeepAliveClient(port: adminPort)
        let token = try String(contentsOfFile: directory + "/admin.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func admin(_ path: String, _ query: String) throws -> [String: Any] {
            let request = "POST \(path)?\(query) HTTP/1.1\r\nHost: bench\r\nX-Solvent-Admin-Token: \(token)\r\n"
                + "Content-Length: 0\r\n\r\n"
            let (status, body) = try client.exchangeWithBody(Array(request.utf8))
            guard status == 200 else { throw CommandFailure("admin \(path) failed: \(String(decoding: body, as: UTF8.self))") }
            return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
        _ = try admin("/admin/v1/asset", "name=BTC")
        _ = try admin("/admin/v1/asset", "name=USDT")
        _ = try admin("/admin/v1/market", "symbol=BTCUSDT&baseAsset=BTC&quoteAsset=USDT&tickSize=0.01&stepSize=0.00001")
        return try (0..<count).map { _ in
            guard let account = try admin("/admin/v1/account", "")["account"] as? Int else { throw CommandFailure("no account") }
            _ = try admin("/admin/v1/deposit", "account=\(account)&asset=USDT&amount=1000000")
            let key = try admin("/admin/v1/apiKey", "account=\(account)")
            guard let apiKey = key["apiKey"] as? String, let secret = key["secret"] as? String else {
                throw CommandFailure("no key")
            }
            return BenchTrader(apiKey: apiKey, secret: Array(secret.utf8))
        }
    }
}
