import Testing
@testable import SolventCore
import SolventTestSupport

/// The custody commands against the naive model, mixed into the ordinary trading stream: the same
/// events and balances command by command, every invariant after every command, and at the end a
/// snapshot that decodes to the same state hash.
@Suite("Property: custody against the naive model")
struct CustodyModelTests {
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func custodyAgreesWithTheModel(seed: UInt64) throws {
        var run = ModelRun()
        var trading = CommandGenerator(seed: seed)
        var custody = CustodyCommandGenerator(seed: seed)
        for command in ModelRun.prefix { #expect(run.step(command) == nil) }
        var kinds = Set<String>()
        for _ in 0..<4_000 {
            let command = custody.rng.chance(40) ? custody.next() : trading.next()
            if let failure = run.step(command) {
                Issue.record("seed \(seed): \(failure)")
                return
            }
            let problems = run.engine.invariantViolations()
            try #require(problems.isEmpty, "seed \(seed) after \(command): \(problems)")
            trading.observe(run.model.events)
            custody.observe(run.model.events)
            for event in run.model.events {
                if case .custody(let e) = event { kinds.insert("\(e.kind)") }
                if case .rejected(let r) = event { kinds.insert("\(r.reason)") }
            }
        }
        for expected in ["depositCredited", "depositDropped", "withdrawalBroadcast", "withdrawalRejected",
                         "accountFrozen", "duplicateDeposit", "depositAlreadyCredited", "withdrawalNotApproved",
                         "withdrawalLimitExceeded", "withdrawalsLocked", "addressNotAllowListed",
                         "withdrawalAddressAdded", "addressAlreadyBooked"] {
            #expect(kinds.contains(expected), "seed \(seed): the stream never produced \(expected)")
        }
        let restored = try Engine<FastBook>(encodedState: run.engine.encodedState())
        #expect(restored.stateHash() == run.engine.stateHash())
    }
}

/// Random custody commands that mostly hit something: deposits on a few outpoints (so re-scans
/// and reorgs repeat them), credits and drops of known deposits, withdrawals through every
/// transition, freezes and unfreezes, address books, locks and allow-list-only.
struct CustodyCommandGenerator {
    var rng: SplitMix64
    private var deposits: [DepositId] = []
    private var withdrawals: [WithdrawalId] = []
    private let accounts: [AccountId] = Array(1...6)
    private let action = OperatorAction(operatorName: "ops", reason: "property test")

    init(seed: UInt64) { rng = SplitMix64(seed: seed ^ 0xC057_0D1E) }

    mutating func next() -> Command {
        let account = rng.pick(accounts)
        let asset = AssetId.random(in: 0...2, using: &rng)
        switch Int.random(in: 0..<108, using: &rng) {
        case 0..<20:
            let outpoint = ChainOutpoint(txid: "tx\(Int.random(in: 0..<40, using: &rng))", vout: UInt32.random(in: 0...1, using: &rng))
            // The amount follows the outpoint, as on a chain: a second sighting is the same deposit.
            let amount = Int64(outpoint.txid.utf8.count * 1_000_000 + Int(outpoint.vout) + 1)
            return .depositSeen(ChainDeposit(account: AccountId(1 + outpoint.txid.hashValueStable % 6), asset: 0,
                                             amount: amount, outpoint: outpoint, address: "addr"))
        case 20..<34: return .creditDeposit(pick(deposits))
        case 34..<40: return .dropDeposit(pick(deposits))
        case 40..<55:
            return .requestChainWithdrawal(WithdrawalRequest(
                account: account, asset: asset, amount: Int64.random(in: 1...3_000_000_000, using: &rng),
                fee: Int64.random(in: 0...2_000, using: &rng), address: "dest\(account)", requiresApproval: rng.chance(50)))
        case 55..<63: return .approveWithdrawal(pick(withdrawals), action)
        case 63..<68: return .rejectWithdrawal(pick(withdrawals), action)
        case 68..<80: return .broadcastWithdrawal(pick(withdrawals), txid: "out\(rng.next() % 1_000)")
        case 80..<88: return .confirmWithdrawal(pick(withdrawals))
        case 88..<92: return .releaseWithdrawal(pick(withdrawals))
        case 92..<96: return .freezeAccount(account, action)
        case 96..<99: return .unfreezeAccount(account, action)
        case 99 where rng.chance(50):
            return .setWithdrawalLimits(asset, WithdrawalLimits(perAccount: Int64.random(in: 1_000_000_000...20_000_000_000, using: &rng),
                                                                perAsset: Int64.random(in: 5_000_000_000...60_000_000_000, using: &rng)),
                                        action)
        case 100..<103:
            return .addWithdrawalAddress(account, WithdrawalAddress(asset: asset, address: "dest\(account)", name: "mine"),
                                         SecurityDelays(addressDelay: Int64.random(in: 0...600_000, using: &rng),
                                                        withdrawalLock: Int64.random(in: 0...120_000, using: &rng)))
        case 103..<105: return .securityChanged(account, lock: Int64.random(in: 0...60_000, using: &rng))
        case 105..<108: return .setAllowListOnly(account, rng.chance(70), action)
        default: return .setChainCursor(asset, ChainCursor(height: Int64(rng.next() % 1_000), blockHash: "h"))
        }
    }

    private mutating func pick(_ ids: [Int64]) -> Int64 {
        ids.isEmpty || rng.chance(5) ? Int64.random(in: 1...50, using: &rng) : rng.pick(Array(ids.suffix(12)))
    }

    mutating func observe(_ events: [Event]) {
        for event in events {
            switch event {
            case .custody(let e) where e.kind == .depositSeen: deposits.append(e.id)
            case .ledger(let e) where e.kind == .withdrawalRequested: withdrawals.append(e.withdrawal)
            default: break
            }
        }
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    fileprivate var hashValueStable: Int { utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } }
}
