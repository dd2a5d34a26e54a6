import ArgumentParser
import Foundation
import SolventAudit
import SolventCommandLine
import SolventCustody

/// `solvent chain`: the deterministic chain simulator the exchange's custody talks to, over
/// Bitcoin Core's JSON-RPC on loopback.
struct ChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Run simulated BTC, ETH and USDT chains behind Bitcoin Core's JSON-RPC on loopback.",
        discussion: """
            Each chain has its own endpoint with wallets hot, cold and outside (the outside \
            world, funded by the first 101 blocks); a block is mined every --block-seconds and \
            on demand with generatetoaddress; `reorg [depth, keepTransactions]` replaces the \
            last blocks. The endpoints go to <data>/chain.url and the RPC cookie to \
            <data>/chain.cookie, as server.url and admin.token do. For proof of reserves each \
            wallet has one Ed25519 key, its sim1... address labelled solvent-reserves \
            (getaddressesbylabel), and signmessage signs with it. Stops on SIGINT or SIGTERM.
            """)

    @Option(help: "The exchange's data directory (created if missing).")
    var data: String

    @Option(help: "Seconds between blocks (0: only on demand).")
    var blockSeconds: Int = 10

    func validate() throws {
        guard (0...86_400).contains(blockSeconds) else { throw ValidationError("--block-seconds must be 0...86400") }
    }

    func run() async throws {
        let station: ChainStation
        do {
            station = try await ChainStation.start(data: data)
        } catch {
            StandardStreams.fail("solvent chain: \(error)")
        }
        for chain in station.chains { print("\(chain.symbol) \(chain.server.url)") }
        await mineUntilStopped(station)
        await station.stop()
    }

    /// One block on every chain each interval, until SIGINT or SIGTERM.
    private func mineUntilStopped(_ station: ChainStation) async {
        Terminal.trapInterrupts()
        var ticks = 0
        let ticksPerBlock = blockSeconds * 5
        while !Terminal.wasInterrupted {
            try? await Task.sleep(nanoseconds: 200_000_000)
            ticks += 1
            guard ticksPerBlock > 0, ticks % ticksPerBlock == 0 else { continue }
            station.mineBlock()
        }
    }
}
