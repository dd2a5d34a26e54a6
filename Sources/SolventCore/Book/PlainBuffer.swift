/// Fixed-capacity, cache-line-aligned storage for plain-data elements, edited in place through a
/// pointer.
///
/// Why not `ContiguousArray`: an array stored in a struct checks its uniqueness on every element
/// write, which measured ≈ 15 % of a bare book's time; a `final class` holding arrays adds dynamic
/// exclusivity checks on top. Here the pointer is read from the struct itself, so element access
/// is a bounds check and a load or store, nothing more.
///
/// A `PlainBuffer` is *not* a value on its own: copies share the elements. The book that holds
/// it keeps value semantics by asking `isUniquelyOwned()` once per mutating call and copying
/// every buffer it owns when that is false (see `FastBook.makeUnique`). The owner object exists
/// for exactly two reasons: freeing the memory when the last copy goes, and answering that
/// uniqueness question.
///
/// Elements must be trivial (no references, no non-trivial copy), so uninitialized memory may be
/// overwritten by plain assignment and nothing needs deinitializing.
struct PlainBuffer<Element> {
    /// Frees the memory when the last buffer sharing it goes away.
    final class Owner {
        let raw: UnsafeMutableRawPointer

        init(byteCount: Int) {
            // 64: a slot never straddles more cache lines than its size demands.
            raw = .allocate(byteCount: Swift.max(byteCount, 1), alignment: 64)
        }

        deinit { raw.deallocate() }
    }

    private var owner: Owner
    private let base: UnsafeMutablePointer<Element>
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity >= 0, "negative capacity \(capacity)")
        assert(_isPOD(Element.self), "PlainBuffer holds plain data only")
        owner = Owner(byteCount: capacity * MemoryLayout<Element>.stride)
        base = owner.raw.bindMemory(to: Element.self, capacity: capacity)
        self.capacity = capacity
    }

    /// Element `index`; reading one never written gives whatever bytes are there, so callers
    /// only read what they initialized.
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: capacity), "PlainBuffer index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: capacity), "PlainBuffer index out of range")
            return base + index
        }
    }

    subscript(index: Int32) -> Element {
        unsafeAddress { UnsafePointer(base + Self.checked(Int(index), capacity)) }
        unsafeMutableAddress { base + Self.checked(Int(index), capacity) }
    }

    /// Whether no other buffer shares these elements, so they may be written.
    mutating func isUniquelyOwned() -> Bool {
        isKnownUniquelyReferenced(&owner)
    }

    /// A buffer of `newCapacity` elements whose first `count` are copies of this one's.
    func copy(count: Int, capacity newCapacity: Int) -> PlainBuffer {
        precondition(0 <= count && count <= capacity && count <= newCapacity, "bad copy of \(count) into \(newCapacity)")
        let result = PlainBuffer(capacity: newCapacity)
        result.base.initialize(from: base, count: count)
        return result
    }

    /// Moves elements `range` by `offset` places (either way), as one `memmove`.
    mutating func shift(_ range: Range<Int>, by offset: Int) {
        precondition(range.lowerBound + offset >= 0 && range.upperBound + offset <= capacity && range.lowerBound >= 0,
                     "shift of \(range) by \(offset) leaves 0..<\(capacity)")
        guard !range.isEmpty else { return }
        // Documented to handle overlapping regions; for trivial elements "move" is a byte copy.
        (base + range.lowerBound + offset).moveInitialize(from: base + range.lowerBound, count: range.count)
    }

    /// Sets elements `0..<count` to `value`.
    mutating func fill(_ value: Element, count: Int) {
        precondition(0 <= count && count <= capacity, "fill of \(count) beyond \(capacity)")
        base.initialize(repeating: value, count: count)
    }

    private static func checked(_ index: Int, _ capacity: Int) -> Int {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: capacity), "PlainBuffer index out of range")
        return index
    }
}
