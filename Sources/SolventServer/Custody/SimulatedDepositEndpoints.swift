import SolventCore
import SolventWire

/// The demo page's "send a simulated deposit": `GET` lists what one deposit sends per coin (the
/// page shows the button only when this answers), `POST` pays it from the simulator's outside
/// world to a deposit address of the exchange, where custody credits it after the confirmations
/// like any other deposit. Bound only when `ServerConfiguration.simulatedDeposits` is set, which
/// only `solvent demo` does; declared here rather than in `EndpointCatalog`, like the page's
/// files, because a normal server has no such route.
enum SimulatedDepositEndpoints {
    static let offer = EndpointDeclaration("GET", "/sapi/v1/solvent/demo/deposit", .session, weight: 1)
    static let send = EndpointDeclaration("POST", "/sapi/v1/solvent/demo/deposit", .session, weight: 10)

    static func all(_ context: ServerContext) -> [Endpoint] {
        guard let deposits = context.configuration.simulatedDeposits else { return [] }
        return [
            Endpoint(offer) { _ throws(BinanceError) in
                var writer = JSONWriter(capacity: 128)
                writer.object { writer in
                    for (symbol, coins) in SimulatedDeposits.coins.sorted(by: { $0.key < $1.key }) {
                        writer.field(symbol, String(coins))
                    }
                }
                return Reply(writer.finish())
            },
            Endpoint(send) { request throws(BinanceError) in
                let asset = try WalletEndpoints.asset(try request.parameters.required("coin"), context)
                let address = try request.parameters.required("address")
                guard context.custody?.custodian(asset.id, spec: asset.spec) != nil else { throw .walletDepositClosed }
                guard let sent = deposits.send(asset.spec.name, scale: asset.spec.scale, to: address) else {
                    throw .invalidParameter("address")
                }
                var writer = JSONWriter(capacity: 160)
                writer.object { writer in
                    writer.field("txId", sent.txid)
                    writer.field("coin", asset.spec.name)
                    writer.decimalField("amount", sent.amount, scale: asset.spec.scale)
                }
                return Reply(writer.finish())
            },
        ]
    }
}
