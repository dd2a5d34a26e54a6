import SolventCore
import SolventStore
import SolventTestSupport
import Testing

@Suite("Kline intervals and their bar boundaries")
struct KlineIntervalTests {
    static let january2024: Timestamp = 1_704_067_200_000
    static let february2024: Timestamp = 1_706_745_600_000
    static let march2024: Timestamp = 1_709_251_200_000

    @Test func theWireNamesAreBinancesCaseSensitiveOnes() {
        #expect(KlineInterval.allCases.map(\.rawValue)
                == ["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"])
        #expect(KlineInterval(rawValue: "1m") == .oneMinute)
        #expect(KlineInterval(rawValue: "1M") == .oneMonth)
        #expect(KlineInterval(rawValue: "1H") == nil)
    }

    @Test func weekBarsOpenOnMondayAtMidnightUTC() {
        let week = KlineInterval.oneWeek
        let monday = Self.january2024 // 2024-01-01 was a Monday
        #expect(week.openTime(containing: monday) == monday)
        #expect(week.openTime(containing: monday + 7 * Fixtures.day - 1) == monday, "Sunday 23:59:59.999")
        #expect(week.openTime(containing: monday + 7 * Fixtures.day) == monday + 7 * Fixtures.day)
        #expect(week.openTime(containing: monday - 1) == monday - 7 * Fixtures.day)
        #expect(week.closeTime(ofBarOpenedAt: monday) == monday + 7 * Fixtures.day - 1)
        #expect(week.openTime(containing: 0) == 345_600_000 - 7 * Fixtures.day, "the epoch's week began Monday 1969-12-29")
    }

    @Test func monthBarsFollowTheCalendar() {
        let month = KlineInterval.oneMonth
        #expect(month.openTime(containing: Self.february2024 - 1) == Self.january2024)
        #expect(month.openTime(containing: Self.february2024) == Self.february2024)
        #expect(month.openTime(after: Self.january2024) == Self.february2024)
        #expect(month.closeTime(ofBarOpenedAt: Self.february2024) == Self.march2024 - 1, "a leap February")
        #expect(month.openTime(before: Self.january2024) == 1_701_388_800_000, "December 2023")
        #expect(month.durationMs == nil)
        var open = Self.january2024
        for _ in 0..<12 { open = month.openTime(after: open) }
        #expect(open == 1_735_689_600_000, "2025-01-01")
    }

    @Test func threeDayBarsCountFromTheEpoch() {
        // Day 19,728 (2024-01-06) is a multiple of three; Binance's own alignment is not documented.
        #expect(KlineInterval.threeDays.openTime(containing: 1_704_499_200_000 + 2 * Fixtures.day + 5)
                == 1_704_499_200_000)
    }

    @Test(arguments: KlineInterval.allCases)
    func everyTimeFallsInTheBarItsOpenTimeNames(_ interval: KlineInterval) {
        var rng = SplitMix64(seed: UInt64(interval.rawValue.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        for _ in 0..<2_000 {
            let time = Int64.random(in: -100 * Fixtures.day...4_000_000_000_000, using: &rng)
            let open = interval.openTime(containing: time)
            let next = interval.openTime(after: open)
            #expect(open <= time && time < next)
            #expect(interval.openTime(containing: next) == next)
            #expect(interval.openTime(before: next) == open)
            #expect(interval.closeTime(ofBarOpenedAt: open) == next - 1)
            if let duration = interval.durationMs { #expect(next - open == duration) }
            // Every interval starts on a whole second, which is what lets seconds roll up into it.
            #expect(open % 1_000 == 0)
        }
    }
}
