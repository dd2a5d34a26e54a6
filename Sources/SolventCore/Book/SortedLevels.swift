/// Levels kept in a plain sorted array, ascending by key so the best is last: the price ladder's
/// fallback for prices its tick window cannot hold (far from the touch, or off its tick grid),
/// and the whole ladder of a side too small to need a window.
///
/// Inserting or removing moves the entries after the position; search gallops from the best end
/// (1, 2, 4, … places back) before bisecting, so an entry k places from the best is found in
/// O(log k). Both are fine for the few levels that live here; the ladder rebuilds its window when
/// too many do.
struct SortedLevels {
    private var keys: PlainBuffer<UInt64>
    private var levels: PlainBuffer<LevelIndex>
    private(set) var count = 0

    init(capacity: Int = 8) {
        keys = PlainBuffer(capacity: capacity)
        levels = PlainBuffer(capacity: capacity)
    }

    var bestKey: UInt64? { count == 0 ? nil : keys[count - 1] }
    var bestLevel: LevelIndex { count == 0 ? noLevel : levels[count - 1] }

    func key(at index: Int) -> UInt64 {
        precondition(index < count, "index \(index) beyond \(count) sorted levels")
        return keys[index]
    }

    func level(at index: Int) -> LevelIndex {
        precondition(index < count, "index \(index) beyond \(count) sorted levels")
        return levels[index]
    }

    /// The level at `key`, `noLevel` when there is none.
    func level(for key: UInt64) -> LevelIndex {
        let (index, found) = search(key)
        return found ? levels[index] : noLevel
    }

    /// The first index whose key is not below `key`, and whether that key is `key`.
    func search(_ key: UInt64) -> (index: Int, found: Bool) {
        // Gallop from the best end: keys[upper...] are all >= key throughout.
        var upper = count
        var lower = 0
        var step = 1
        while upper - step >= 0 {
            if keys[upper - step] < key {
                lower = upper - step + 1
                break
            }
            upper -= step
            step &<<= 1
        }
        while lower < upper {
            let middle = lower + (upper - lower) / 2
            if keys[middle] < key { lower = middle + 1 } else { upper = middle }
        }
        return (lower, lower < count && keys[lower] == key)
    }

    mutating func insert(_ level: LevelIndex, key: UInt64) {
        let (index, found) = search(key)
        precondition(!found, "key \(key) already sorted here")
        if count == keys.capacity { grow() }
        keys.shift(index..<count, by: 1)
        levels.shift(index..<count, by: 1)
        keys[index] = key
        levels[index] = level
        count += 1
    }

    /// Appends a key above every key held (rebuilding in ascending order).
    mutating func append(_ level: LevelIndex, key: UInt64) {
        precondition(count == 0 || keys[count - 1] < key, "append of \(key) out of order")
        if count == keys.capacity { grow() }
        keys[count] = key
        levels[count] = level
        count += 1
    }

    /// Removes `key` and returns its level; the key must be here.
    @discardableResult
    mutating func remove(_ key: UInt64) -> LevelIndex {
        let (index, found) = search(key)
        precondition(found, "key \(key) not sorted here")
        let level = levels[index]
        keys.shift(index + 1..<count, by: -1)
        levels.shift(index + 1..<count, by: -1)
        count -= 1
        return level
    }

    mutating func isUniquelyOwned() -> Bool {
        keys.isUniquelyOwned() && levels.isUniquelyOwned()
    }

    func copy() -> SortedLevels {
        var result = self
        result.keys = keys.copy(count: count, capacity: keys.capacity)
        result.levels = levels.copy(count: count, capacity: levels.capacity)
        return result
    }

    func validate() {
        for index in 1..<Swift.max(count, 1) {
            precondition(keys[index - 1] < keys[index], "sorted levels out of order at \(index)")
        }
    }

    private mutating func grow() {
        keys = keys.copy(count: count, capacity: keys.capacity * 2)
        levels = levels.copy(count: count, capacity: levels.capacity * 2)
    }
}
