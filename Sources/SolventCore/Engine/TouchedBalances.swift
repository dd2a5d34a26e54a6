/// The (account, asset) pairs one command changed, each once, in the order first touched.
///
/// A command touches a handful; a linear scan beats hashing, and clearing is setting a count
/// (`Array.removeAll(keepingCapacity:)` went through a generic `replaceSubrange` every command).
struct TouchedBalances {
    private var keys = Array(repeating: BalanceKey(account: 0, asset: 0), count: 16)
    private(set) var count = 0

    mutating func insert(_ key: BalanceKey) {
        for index in 0..<count where keys[index] == key { return }
        if count == keys.count { keys.append(contentsOf: repeatElement(key, count: keys.count)) }
        keys[count] = key
        count += 1
    }

    subscript(index: Int) -> BalanceKey { keys[index] }

    mutating func removeAll() { count = 0 }
}
