import SolventCore
import SolventWire
import Testing

@Suite("Kline intervals")
struct KlineIntervalTests {
    /// 2023-11-14T22:13:20Z, a Tuesday.
    let time: Int64 = 1_700_000_000_000

    @Test func everyBinanceNameParsesAndNothingElse() {
        let names = ["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"]
        #expect(KlineInterval.allCases.map(\.binanceName) == names)
        #expect(KlineInterval(binanceName: "1H") == nil)
        #expect(KlineInterval(binanceName: "1W") == nil)
    }

    @Test func fixedIntervalsAlignToTheEpoch() {
        #expect(KlineInterval.oneMinute.openTime(containing: time) == 1_699_999_980_000)
        #expect(KlineInterval.oneMinute.closeTime(ofBarOpenedAt: 1_699_999_980_000) == 1_700_000_039_999)
        #expect(KlineInterval.oneDay.openTime(containing: time) == 1_699_920_000_000)
        #expect(KlineInterval.threeDays.openTime(containing: time) == 1_699_833_600_000)
        #expect(KlineInterval.oneSecond.openTime(containing: time + 999) == time)
    }

    @Test func weeksStartOnMonday() {
        #expect(KlineInterval.oneWeek.openTime(containing: time) == 1_699_833_600_000)  // Mon 2023-11-13
        #expect(KlineInterval.oneWeek.openTime(containing: 0) == -259_200_000)  // Mon 1969-12-29
    }

    @Test func monthsFollowTheCalendar() {
        let november = KlineInterval.oneMonth.openTime(containing: time)
        #expect(november == 1_698_796_800_000)  // 2023-11-01
        #expect(KlineInterval.oneMonth.closeTime(ofBarOpenedAt: november) == 1_701_388_799_999)
        let december = KlineInterval.oneMonth.openTime(after: november)
        #expect(KlineInterval.oneMonth.openTime(after: december) == 1_704_067_200_000)  // 2024-01-01
        let february2024: Int64 = 1_706_745_600_000
        #expect(KlineInterval.oneMonth.openTime(containing: february2024 + 28 * 86_400_000) == february2024)
        #expect(KlineInterval.oneMonth.openTime(after: february2024) == 1_709_251_200_000)  // leap year
        #expect(KlineInterval.oneMonth.openTime(containing: 0) == 0)
        #expect(KlineInterval.oneMonth.durationMs == nil)
    }
}
