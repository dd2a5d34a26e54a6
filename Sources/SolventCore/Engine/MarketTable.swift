/// The engine's markets, read and edited in place.
///
/// An `Array` of `MarketState` would do, except that reading `markets[m].book.bestPrice(side)` from
/// optimized code copied the whole ~850-byte element (and retained every buffer in it) on each read;
/// the profile of the single-symbol benchmark showed half its time there. This table hands out the
/// element's address instead, so reads borrow and writes edit in place, with copy-on-write decided
/// once per write access, as for any value type.
struct MarketTable<Book: OrderBook> {
    private final class Storage: ManagedBuffer<Int, MarketState<Book>> {
        deinit {
            _ = withUnsafeMutablePointers { count, elements in elements.deinitialize(count: count.pointee) }
        }
    }

    private var storage: Storage

    init() {
        storage = Self.makeStorage(capacity: 4)
    }

    /// Read through a pointer: `storage.header` is a class property, and each access to it paid for
    /// a dynamic exclusivity check.
    var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee } }

    subscript(m: Int) -> MarketState<Book> {
        unsafeAddress {
            precondition(m >= 0 && m < count, "market \(m) out of range")
            let elements: UnsafeMutablePointer<MarketState<Book>> = storage.withUnsafeMutablePointerToElements { $0 }
            return UnsafePointer(elements + m)
        }
        unsafeMutableAddress {
            precondition(m >= 0 && m < count, "market \(m) out of range")
            if !isKnownUniquelyReferenced(&storage) { makeUnique(capacity: count) }
            return storage.withUnsafeMutablePointerToElements { $0 } + m
        }
    }

    mutating func append(_ market: MarketState<Book>) {
        // `storage.capacity` asks malloc for the block's size, so it stays off the per-access path.
        let capacity = storage.capacity
        makeUnique(capacity: count == capacity ? 2 * capacity : capacity)
        storage.withUnsafeMutablePointers { count, elements in
            (elements + count.pointee).initialize(to: market)
            count.pointee += 1
        }
    }

    /// Gives this table its own storage of at least `capacity` before a write.
    private mutating func makeUnique(capacity: Int) {
        if isKnownUniquelyReferenced(&storage) && capacity <= storage.capacity { return }
        let fresh = Self.makeStorage(capacity: Swift.max(capacity, 1))
        storage.withUnsafeMutablePointers { count, elements in
            fresh.withUnsafeMutablePointerToElements { $0.initialize(from: elements, count: count.pointee) }
            fresh.header = count.pointee
        }
        storage = fresh
    }

    private static func makeStorage(capacity: Int) -> Storage {
        // `create` returns the base class type; the subclass carries the deinit.
        unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in 0 }, to: Storage.self)
    }
}

extension MarketTable: Sequence {
    func makeIterator() -> AnyIterator<MarketState<Book>> {
        var index = 0
        return AnyIterator {
            guard index < count else { return nil }
            defer { index += 1 }
            return self[index]
        }
    }
}
