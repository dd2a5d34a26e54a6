import SolventProof
import SolventTestSupport

/// Small trees for the tests: assets, secrets and snapshots with readable numbers.
enum Fixtures {
    static let btc = ProofAsset(symbol: "BTC", scale: 8)!
    static let usdt = ProofAsset(symbol: "USDT", scale: 6)!
    static let doge = ProofAsset(symbol: "DOGE", scale: 0)!
    static let assets = [btc, usdt, doge]
    static let master = Hash256(bytes: [UInt8](repeating: 7, count: 32))!
    static let secrets = TreeSecrets(master: master)

    /// `count` accounts with ids 100, 103, 106 … and seeded balances below 2^40.
    static func snapshot(count: Int, assets: [ProofAsset] = assets, seed: UInt64 = 1) -> LiabilitySnapshot {
        var random = SplitMix64(seed: seed)
        var snapshot = LiabilitySnapshot(assets: assets, reservingCapacity: count)
        for row in 0..<count {
            let balances = assets.map { _ in random.next() >> 24 }
            snapshot.append(accountId: 100 + 3 * UInt64(row), balances: balances)
        }
        return snapshot
    }

    static func reference(_ tree: LiabilityTree, _ snapshot: LiabilitySnapshot) -> ReferenceTree {
        ReferenceTree(master: master.bytes, epoch: tree.epoch, height: tree.height, snapshot: snapshot)
    }
}
