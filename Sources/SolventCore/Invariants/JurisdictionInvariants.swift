/// Invariant 8: the rulings in force hold for open orders too. Enforcing a ruling or setting an
/// account's place cancels what it forbids, so an open order that a ruling forbids is a bug.
extension Engine {
    func checkJurisdictions(_ open: [Order], _ problems: inout [String]) {
        for order in open {
            if let reason = jurisdictionProblem(order.account, order.side, Int(order.market)) {
                problems.append("order \(order.id) of account \(order.account) is open although \(reason)")
            }
        }
        let waiting = jurisdictions.rulings.filter { $0.enforcedAt == nil }.map(\.ruling.effectiveAt).min()
        if waiting != jurisdictions.nextDueAt {
            problems.append("next ruling due at \(String(describing: jurisdictions.nextDueAt)), waiting from \(String(describing: waiting))")
        }
        for (key, index) in jurisdictions.inForce where jurisdictions.rulings[index].enforcedAt == nil
            || jurisdictions.rulings[index].ruling.asset != key.asset {
            problems.append("ruling \(index + 1) governs \(key) without being in force there")
        }
    }
}
