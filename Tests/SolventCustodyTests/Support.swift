import Foundation
@testable import SolventCustody
import SolventCore
import SolventJournal

/// A simulated BTC chain with hot, cold and outside wallets behind the JSON-RPC handler, and the
/// adapter that reaches it through the same calls it would make to bitcoind.
struct ChainFixture {
    static let cookie = "__cookie__:0123456789abcdef"
    let rpc: SimulatedChainRPC
    let adapter: BitcoinRPCAdapter
    /// An address of the outside world's wallet, which pays deposits and receives withdrawals.
    let outside: String

    init() throws {
        let chain = SimulatedChain(symbol: "BTC", scale: 8, wallets: ["hot", "cold", "outside"],
                                   blockReward: 50 * 100_000_000, sendFee: 1_000)
        rpc = try SimulatedChainRPC(chain: chain, minerWallet: "outside",
                                    authorization: try RPCCredentials.password(user: "__cookie__", password: "0123456789abcdef").authorization())
        adapter = BitcoinRPCAdapter(poster: InProcessPoster(rpc: rpc),
                                    credentials: .password(user: "__cookie__", password: "0123456789abcdef"), wallet: "hot")
        let miner = rpc.minerAddress
        outside = try rpc.withChain { chain in
            try chain.mine(101, to: miner)
            return try chain.newAddress(wallet: "outside", label: "payee")
        }
    }

    func mine(_ count: Int) throws {
        let miner = rpc.minerAddress
        try rpc.withChain { chain in _ = try chain.mine(count, to: miner) }
    }

    /// The outside world pays `amount` to `address`.
    @discardableResult
    func pay(_ address: String, _ amount: Amount) throws -> String {
        try rpc.withChain { chain in try chain.send(from: "outside", to: address, amount: amount, comment: "") }
    }
}

/// A durable exchange in a fresh directory with BTC listed and one account, and a custodian for BTC.
final class ExchangeFixture {
    let directory: String
    let ring = CommitRing()
    let sequencer: Sequencer
    let cursor: RingCursor

    init(directory: String? = nil) throws {
        self.directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("custody-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        cursor = ring.cursor("custody")
        sequencer = try Sequencer(directory: self.directory, ring: ring)
    }

    static func listed(_ confirmations: Int = 3) async throws -> ExchangeFixture {
        let fixture = try ExchangeFixture()
        _ = try await fixture.sequencer.execute(.listAsset(AssetSpec(name: "BTC", scale: 8)))
        _ = try await fixture.sequencer.execute(.openAccount(nil))
        return fixture
    }

    func custodian(_ chain: ChainFixture, confirmations: Int = 3) async throws -> ChainCustodian {
        let feed = try await CustodyFeed(sequencer: sequencer, cursor: cursor)
        return ChainCustodian(asset: 0, adapter: chain.adapter, policy: .init(confirmationsRequired: confirmations),
                              sequencer: sequencer, feed: feed)
    }

    func balance(_ account: AccountId) async throws -> Balance {
        try await sequencer.inspect { $0.balance(of: account, 0) }
    }

    func invariantViolations() async throws -> [String] {
        try await sequencer.inspect { $0.invariantViolations() }
    }

    /// Stops this exchange (as a crash would, without a final snapshot) and opens the directory again.
    func restarted() throws -> ExchangeFixture {
        sequencer.stop()
        return try ExchangeFixture(directory: directory)
    }

    func run(_ command: Command) async throws -> CommandOutcome { try await sequencer.execute(command) }
}
