import SolventCore

/// Accounts the operator says belong together (one owner, one desk): a trade between two of them
/// is a wash trade although self-trade prevention, which knows only accounts, lets it through.
public struct LinkedAccounts: Sendable, Equatable {
    /// Each linked account's group number.
    private var groupOf: [AccountId: Int] = [:]

    /// `groups`: each an array of accounts linked to each other; an account in two groups joins them.
    public init(_ groups: [[AccountId]] = []) {
        var parent: [Int] = Array(groups.indices)
        func root(_ group: Int) -> Int {
            var group = group
            while parent[group] != group { group = parent[group] }
            return group
        }
        for (group, accounts) in groups.enumerated() {
            for account in accounts {
                if let earlier = groupOf[account] { parent[root(group)] = root(earlier) } else { groupOf[account] = group }
            }
        }
        groupOf = groupOf.mapValues(root)
    }

    /// Whether `a` and `b` are different accounts the operator linked.
    public func linked(_ a: AccountId, _ b: AccountId) -> Bool {
        guard a != b, let group = groupOf[a] else { return false }
        return groupOf[b] == group
    }
}
