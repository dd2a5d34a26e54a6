import SolventCore

/// A deterministic chain for one asset, as `solvent chain` serves it and tests drive it: blocks,
/// a mempool, wallets of labelled addresses, sends with a fixed fee, confirmations and reorgs of
/// any depth. Balances are per wallet (an account model: no coin selection), which is all the
/// exchange can observe through the RPC calls it makes. Ids come from a counter, never a clock
/// or a random source, so the same calls always make the same chain.
public struct SimulatedChain: Sendable {
    public struct Output: Hashable, Sendable {
        public var address: String
        public var amount: Amount
    }

    struct Transaction: Hashable, Sendable {
        var txid: String
        var outputs: [Output]
        /// The wallet that paid, nil for a block reward.
        var sender: String?
        var fee: Amount
        var comment: String
    }

    struct Block: Hashable, Sendable {
        var hash: String
        var height: Int64
        var parent: String
        var txids: [String]
    }

    public enum Failure: Error, Hashable, Sendable {
        case unknownWallet(String)
        case unknownAddress(String)
        case insufficientFunds
        case invalidAmount
        case invalidDepth
    }

    public let symbol: String
    public let scale: Scale
    public let blockReward: Amount
    public let sendFee: Amount
    /// Every block ever made, including those a reorg left behind.
    private(set) var blocks: [String: Block] = [:]
    /// The best chain's block hashes; index = height.
    private(set) var best: [String] = []
    private(set) var mempool: [String] = []
    private(set) var transactions: [String: Transaction] = [:]
    /// Taken off the chain by a reorg and not mined again: they never confirm.
    private(set) var conflicted: Set<String> = []
    private(set) var addresses: [String: (wallet: String, label: String)] = [:]
    private(set) var wallets: Set<String>
    private var counter: UInt64 = 0

    public init(symbol: String, scale: Scale, wallets: [String], blockReward: Amount, sendFee: Amount) {
        self.symbol = symbol
        self.scale = scale
        self.wallets = Set(wallets)
        self.blockReward = blockReward
        self.sendFee = sendFee
        // Each wallet's reserve address is its key's (no counter drawn: ids stay as they were).
        for wallet in wallets {
            addresses[SimulatedWalletKey.reserveAddress(symbol: symbol, wallet: wallet)] = (wallet, SimulatedWalletKey.reserveLabel)
        }
        let genesis = Block(hash: nextHash(), height: 0, parent: "", txids: [])
        blocks[genesis.hash] = genesis
        best = [genesis.hash]
    }

    public var height: Int64 { Int64(best.count - 1) }
    public var walletNames: [String] { wallets.sorted() }
    public var tipHash: String { best[best.count - 1] }

    // MARK: Changing the chain

    public mutating func newAddress(wallet: String, label: String) throws(Failure) -> String {
        guard wallets.contains(wallet) else { throw .unknownWallet(wallet) }
        let hex = nextHash()
        let address = symbol == "BTC" ? "bcrt1q" + hex.prefix(38) : "0x" + hex.prefix(40)
        addresses[address] = (wallet, label)
        return address
    }

    /// Mines `count` blocks, the first taking the whole mempool, each paying its reward to `address`.
    @discardableResult
    public mutating func mine(_ count: Int, to address: String) throws(Failure) -> [String] {
        guard addresses[address] != nil else { throw .unknownAddress(address) }
        var hashes: [String] = []
        for _ in 0..<max(0, count) {
            let reward = Transaction(txid: nextHash(), outputs: [Output(address: address, amount: blockReward)],
                                     sender: nil, fee: 0, comment: "")
            transactions[reward.txid] = reward
            let block = Block(hash: nextHash(), height: height + 1, parent: tipHash, txids: [reward.txid] + mempool)
            mempool = []
            blocks[block.hash] = block
            best.append(block.hash)
            hashes.append(block.hash)
        }
        return hashes
    }

    /// Pays `amount` from `wallet` to `address` (inside or outside this chain's wallets) plus the fee.
    public mutating func send(from wallet: String, to address: String, amount: Amount,
                              comment: String) throws(Failure) -> String {
        guard wallets.contains(wallet) else { throw .unknownWallet(wallet) }
        guard amount > 0 else { throw .invalidAmount }
        guard balance(of: wallet) >= amount + sendFee else { throw .insufficientFunds }
        let transaction = Transaction(txid: nextHash(), outputs: [Output(address: address, amount: amount)],
                                      sender: wallet, fee: sendFee, comment: comment)
        transactions[transaction.txid] = transaction
        mempool.append(transaction.txid)
        return transaction.txid
    }

    /// Replaces the last `depth` blocks with `depth + 1` new ones mined to `address`. With
    /// `keepTransactions` their transactions go back to the mempool (and into the next block, as
    /// usually happens); without, they are conflicted away for ever, as a double spend would.
    public mutating func reorg(depth: Int, keepTransactions: Bool, minedTo address: String) throws(Failure) {
        guard depth >= 1, depth <= Int(height) else { throw .invalidDepth }
        var returned: [String] = []
        for hash in best.suffix(depth) {
            for txid in blocks[hash]!.txids {
                if transactions[txid]!.sender == nil || !keepTransactions { conflicted.insert(txid) } else { returned.append(txid) }
            }
        }
        best.removeLast(depth)
        mempool = keepTransactions ? returned + mempool : mempool
        try mine(depth + 1, to: address)
    }

    // MARK: Reading it

    /// Confirmations: tip − height + 1 in the best chain, 0 in the mempool, −1 conflicted, nil unknown.
    public func confirmations(_ txid: String) -> Int? {
        guard transactions[txid] != nil else { return nil }
        if let height = bestHeight(of: txid) { return Int(self.height - height + 1) }
        if mempool.contains(txid) { return 0 }
        return -1
    }

    func bestHeight(of txid: String) -> Int64? {
        for height in stride(from: best.count - 1, through: 0, by: -1) where blocks[best[height]]!.txids.contains(txid) {
            return Int64(height)
        }
        return nil
    }

    /// In the best chain or the mempool (a block reward only in the best chain).
    func isLive(_ txid: String) -> Bool {
        guard let confirmations = confirmations(txid) else { return false }
        return transactions[txid]!.sender == nil ? confirmations > 0 : confirmations >= 0
    }

    public func balance(of wallet: String) -> Amount {
        var total: Amount = 0
        for (txid, transaction) in transactions where isLive(txid) {
            for output in transaction.outputs where addresses[output.address]?.wallet == wallet { total += output.amount }
            if transaction.sender == wallet { total -= transaction.outputs.reduce(transaction.fee) { $0 + $1.amount } }
        }
        return total
    }

    /// What `wallet` held at the end of block `height` of the best chain (mempool excluded).
    public func balance(of wallet: String, atHeight height: Int64) -> Amount {
        var total: Amount = 0
        for block in best.prefix(Int(max(-1, min(height, self.height))) + 1) {
            for txid in blocks[block]!.txids {
                let transaction = transactions[txid]!
                for output in transaction.outputs where addresses[output.address]?.wallet == wallet { total += output.amount }
                if transaction.sender == wallet { total -= transaction.outputs.reduce(transaction.fee) { $0 + $1.amount } }
            }
        }
        return total
    }

    /// The addresses of `wallet` that carry `label`, sorted.
    public func labelledAddresses(wallet: String, label: String) -> [String] {
        addresses.filter { $0.value.wallet == wallet && $0.value.label == label }.map(\.key).sorted()
    }

    public func received(by address: String, confirmationsMin: Int) -> Amount {
        var total: Amount = 0
        for (txid, transaction) in transactions where (confirmations(txid) ?? -1) >= confirmationsMin && isLive(txid) {
            for output in transaction.outputs where output.address == address { total += output.amount }
        }
        return total
    }

    public func wallet(of address: String) -> String? { addresses[address]?.wallet }

    /// Deterministic 64-hex-digit ids: SplitMix64 over a counter and the chain's name.
    private mutating func nextHash() -> String {
        counter += 1
        var state = counter &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: symbol.utf8.reduce(0) { $0 &* 131 &+ Int($1) })
        var hex = ""
        for _ in 0..<4 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let word = String(z, radix: 16)
            hex += String(repeating: "0", count: 16 - word.count) + word
        }
        return hex
    }
}
