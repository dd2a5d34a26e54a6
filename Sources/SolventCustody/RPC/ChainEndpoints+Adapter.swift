import Foundation
import SolventCore

extension ChainEndpoints {
    /// The Bitcoin Core RPC adapter of `wallet` on the chain that carries `symbol`, with the
    /// cookie's credentials; nil when no chain carries it or its URL has no host and port.
    public func adapter(symbol: String, wallet: String, cookieFile: String, scale: Scale) -> BitcoinRPCAdapter? {
        guard let url = urls[symbol], let address = URLComponents(string: url), let host = address.host,
              let port = address.port else { return nil }
        return BitcoinRPCAdapter(poster: NIOHTTPPoster(host: host, port: port), credentials: .cookieFile(path: cookieFile),
                                 wallet: wallet, scale: scale)
    }
}
