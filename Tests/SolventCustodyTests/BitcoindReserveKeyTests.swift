import Foundation
import Synchronization
import Testing
@testable import SolventCustody
import SolventProof

/// Against bitcoind's answers (no `solvent_signature_scheme`): the reserve address is the
/// wallet's `solvent-reserves` one, made legacy on first use since `signmessage` needs one,
/// and its signatures are `bitcoin-message`, which this side never claims to verify.
@Suite struct BitcoindReserveKeyTests {
    /// Answers each method with a fixed result or bitcoind error, and records the calls.
    final class ScriptedNode: HTTPPoster, Sendable {
        let answers: [String: Result<String, RPCFailure>]
        let calls = Mutex<[String]>([])

        struct RPCFailure: Error { let code: Int }

        init(_ answers: [String: Result<String, RPCFailure>]) { self.answers = answers }

        func post(path: String, body: [UInt8], headers: [(String, String)]) async throws -> HTTPReply {
            let request = try JSONValue.parse(body)
            let method = request["method"]?.string ?? ""
            calls.withLock { $0.append(method + " " + (request["params"]?.encoded() ?? "")) }
            switch answers[method] {
            case .success(let result)?:
                return HTTPReply(status: 200, body: Array("{\"result\":\(result),\"error\":null,\"id\":1}".utf8))
            case .failure(let failure)?:
                return HTTPReply(status: 500, body: Array("{\"result\":null,\"error\":{\"code\":\(failure.code),\"message\":\"x\"},\"id\":1}".utf8))
            case nil:
                return HTTPReply(status: 404, body: Array("{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"x\"},\"id\":1}".utf8))
            }
        }
    }

    static let legacy = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt"

    @Test func theFirstReserveKeyIsANewLegacyAddressSignedAsABitcoinMessage() async throws {
        let node = ScriptedNode([
            "getaddressesbylabel": .failure(.init(code: -11)),
            "getnewaddress": .success("\"\(Self.legacy)\""),
            "getaddressinfo": .success("{\"address\":\"\(Self.legacy)\",\"pubkey\":\"02\(String(repeating: "ab", count: 32))\"}"),
        ])
        let adapter = BitcoinRPCAdapter(poster: node, credentials: .password(user: "u", password: "p"), wallet: "cold")
        let key = try await adapter.reserveKey()
        #expect(key == ReserveKey(address: Self.legacy, publicKey: [], scheme: .bitcoinMessage))
        #expect(node.calls.withLock { $0 }.contains("getnewaddress [\"solvent-reserves\",\"legacy\"]"), "\(node.calls.withLock { $0 })")
    }

    @Test func anExistingReserveAddressIsReused() async throws {
        let node = ScriptedNode([
            "getaddressesbylabel": .success("{\"\(Self.legacy)\":{\"purpose\":\"receive\"}}"),
            "getaddressinfo": .success("{\"address\":\"\(Self.legacy)\"}"),
        ])
        let adapter = BitcoinRPCAdapter(poster: node, credentials: .password(user: "u", password: "p"), wallet: "hot")
        #expect(try await adapter.reserveKey().address == Self.legacy)
        #expect(!node.calls.withLock { $0 }.contains { $0.hasPrefix("getnewaddress") })
    }

    @Test func aBlockBetweenTheTipAndTheBalanceIsReadAgain() async throws {
        final class MovingTip: HTTPPoster, Sendable {
            let tipReads = Atomic<Int>(0)
            func post(path: String, body: [UInt8], headers: [(String, String)]) async throws -> HTTPReply {
                let method = try JSONValue.parse(body)["method"]?.string ?? ""
                let result: String
                if method == "getblockchaininfo" {
                    // Reads 1, 2 straddle a new block; reads 3, 4 agree.
                    let read = tipReads.add(1, ordering: .relaxed).newValue
                    let height = read == 1 ? 100 : 101
                    result = "{\"blocks\":\(height),\"bestblockhash\":\"\(String(repeating: height == 100 ? "a" : "b", count: 64))\"}"
                } else {
                    result = "1.25000000"
                }
                return HTTPReply(status: 200, body: Array("{\"result\":\(result),\"error\":null,\"id\":1}".utf8))
            }
        }
        let poster = MovingTip()
        let adapter = BitcoinRPCAdapter(poster: poster, credentials: .password(user: "u", password: "p"), wallet: "hot")
        let confirmed = try await adapter.confirmedBalance()
        #expect(confirmed == ConfirmedBalance(tip: ChainTip(height: 101, blockHash: String(repeating: "b", count: 64)), balance: 125_000_000))
        #expect(poster.tipReads.load(ordering: .relaxed) == 4)
    }
}
