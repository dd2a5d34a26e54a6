import SolventCore

/// What one chain scan asks of the exchange, decided from the scan and the durable view alone
/// (pure, so every rule here is tested without a chain). Exactly-once does not rest on this
/// plan: the engine refuses a second record of an outpoint and a second credit; the plan only
/// avoids asking twice.
struct DepositPlan: Equatable {
    /// New sightings (and deposits a reorg dropped that are on the chain again).
    var seen: [ChainDeposit] = []
    /// Pending deposits the chain no longer has.
    var drops: [DepositId] = []
    /// Credited deposits a reorg took away: the written policy keeps the credit and tells the operator.
    var incidents: [String] = []

    /// The account a deposit address belongs to, from the label the exchange gave it.
    static func account(ofLabel label: String) -> AccountId? {
        guard label.hasPrefix(DepositAddresses.labelPrefix) else { return nil }
        return AccountId(label.dropFirst(DepositAddresses.labelPrefix.count))
    }

    init(scan: ChainScan, view: CustodyView) {
        var onChain = Set<ChainOutpoint>()
        for transfer in scan.transfers where transfer.direction == .received && transfer.confirmations >= 0 {
            guard let account = Self.account(ofLabel: transfer.label) else { continue }
            onChain.insert(transfer.outpoint)
            let known = view.deposits[transfer.outpoint]
            guard known == nil || known?.state == .dropped else { continue }
            seen.append(ChainDeposit(account: account, asset: view.asset, amount: transfer.amount,
                                     outpoint: transfer.outpoint, address: transfer.address))
        }
        let gone = scan.removed + scan.transfers.filter { $0.direction == .received && $0.confirmations < 0 }
        for transfer in gone where transfer.direction == .received && !onChain.contains(transfer.outpoint) {
            guard let known = view.deposits[transfer.outpoint] else { continue }
            switch known.state {
            case .pending where !drops.contains(known.id): drops.append(known.id)
            case .credited:
                incidents.append("deposit \(known.id) (\(transfer.outpoint.txid):\(transfer.outpoint.vout)) was credited and then reorged away")
            default: break
            }
        }
    }

    /// Pending deposits with their confirmations now: the credits to ask for.
    static func credits(scan: ChainScan, view: CustodyView, confirmationsRequired: Int) -> [DepositId] {
        scan.transfers.compactMap { transfer in
            guard transfer.direction == .received, transfer.confirmations >= confirmationsRequired,
                  let known = view.deposits[transfer.outpoint], known.state == .pending else { return nil }
            return known.id
        }
    }
}

/// Deposit addresses: one labelled address of the hot wallet per account, so the chain itself
/// remembers whose an address is.
public enum DepositAddresses {
    public static let labelPrefix = "solvent:"

    public static func label(of account: AccountId) -> String { labelPrefix + "\(account)" }
}
