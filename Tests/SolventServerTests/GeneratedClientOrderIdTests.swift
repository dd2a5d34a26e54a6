import SolventCore
import Testing
@testable import SolventServer

/// Server-made client order ids: Binance's shape, unique, and in time order (which keeps the
/// history store's client-id index appending instead of writing a random page per order).
struct GeneratedClientOrderIdTests {
    @Test func theyAreTwentyTwoLettersAndDigits() {
        let id = GeneratedClientOrderIds.next().description
        #expect(id.utf8.count == 22)
        #expect(id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) })
    }

    @Test func idsOfOneMillisecondAreDistinct() {
        let ids = (0..<10_000).map { _ in GeneratedClientOrderIds.next(milliseconds: 1_763_700_000_000).description }
        #expect(Set(ids).count == ids.count)
    }

    @Test func laterMillisecondsSortAfterEarlierOnes() {
        let times: [Int64] = [0, 1, 61, 62, 3_843, 1_763_700_000_000, 1_763_700_000_001, 1_763_700_060_000]
        let ids = times.map { GeneratedClientOrderIds.next(milliseconds: $0).description }
        #expect(ids == ids.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
    }
}
