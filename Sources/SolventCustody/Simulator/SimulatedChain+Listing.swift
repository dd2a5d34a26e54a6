import SolventCore

/// `listsinceblock` as bitcoind answers it, for one wallet of the simulated chain.
extension SimulatedChain {
    /// The wallet's transfers in blocks after `blockHash` on the best chain (all when nil) and in
    /// the mempool, and every conflicted one; `removed`: those in blocks of a branch a reorg abandoned between `blockHash`
    /// and the best chain. `lastblock` is the best block `target - 1` below the tip.
    public func listSinceBlock(wallet: String, blockHash: String?, target: Int, includeRemoved: Bool) -> JSONValue {
        var forkHeight: Int64 = -1
        var removed: [JSONValue] = []
        if let blockHash, var block = blocks[blockHash] {
            // Walk back from the cursor to the best chain; what lies on the way was reorged away.
            while best.indices.contains(Int(block.height)) == false || best[Int(block.height)] != block.hash {
                if includeRemoved { removed += block.txids.flatMap { entries(for: $0, wallet: wallet) } }
                guard let parent = blocks[block.parent] else { break }
                block = parent
            }
            forkHeight = block.height
        }
        var listed: [JSONValue] = []
        if forkHeight + 1 <= height {
            for height in (forkHeight + 1)...height {
                listed += blocks[best[Int(height)]]!.txids.flatMap { entries(for: $0, wallet: wallet) }
            }
        }
        listed += mempool.flatMap { entries(for: $0, wallet: wallet) }
        // As bitcoind: a conflicted transaction has depth −1, below any cursor, so it is always listed.
        listed += conflicted.sorted().flatMap { entries(for: $0, wallet: wallet) }
        let last = best[Int(max(0, height - Int64(max(1, target)) + 1))]
        return .object([("transactions", .array(listed)), ("removed", .array(removed)), ("lastblock", .string(last))])
    }

    /// One entry per output the wallet received and per output it sent elsewhere.
    func entries(for txid: String, wallet: String) -> [JSONValue] {
        guard let transaction = transactions[txid] else { return [] }
        let confirmations = confirmations(txid) ?? -1
        var entries: [JSONValue] = []
        for (vout, output) in transaction.outputs.enumerated() {
            let owner = addresses[output.address]
            if owner?.wallet == wallet {
                let category = transaction.sender == nil ? (confirmations > 0 ? "generate" : "orphan") : "receive"
                entries.append(entry(category, txid, vout, output.address, owner?.label ?? "", output.amount,
                                     confirmations, comment: ""))
            }
            if transaction.sender == wallet && owner?.wallet != wallet {
                entries.append(entry("send", txid, vout, output.address, owner?.label ?? "", -output.amount,
                                     confirmations, comment: transaction.comment))
            }
        }
        return entries
    }

    private func entry(_ category: String, _ txid: String, _ vout: Int, _ address: String, _ label: String,
                       _ amount: Amount, _ confirmations: Int, comment: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("address", .string(address)), ("category", .string(category)), ("amount", .number(signed(amount))),
            ("label", .string(label)), ("vout", .number("\(vout)")), ("confirmations", .number("\(confirmations)")),
            ("txid", .string(txid)),
        ]
        if !comment.isEmpty { members.append(("comment", .string(comment))) }
        return .object(members)
    }

    /// An amount as bitcoind prints one: fixed decimals, a '-' for what left the wallet.
    func signed(_ amount: Amount) -> String {
        amount < 0 ? "-" + ChainAmount.text(-amount, scale: scale) : ChainAmount.text(amount, scale: scale)
    }
}
