import SolventWire
import Testing

@Suite("RequestTiming: timestamp and recvWindow")
struct RequestTimingTests {
    let now: Int64 = 1_700_000_000_000

    @Test func withinTheDefaultWindowIsAccepted() throws {
        try RequestTiming.check(timestamp: now - 5000, recvWindow: nil, now: now)
        try RequestTiming.check(timestamp: now + 999, recvWindow: nil, now: now)
    }

    @Test func olderThanTheWindowIsOutsideIt() {
        #expect(throws: BinanceError.timestampOutsideRecvWindow) {
            try RequestTiming.check(timestamp: now - 5001, recvWindow: nil, now: now)
        }
        #expect(throws: BinanceError.timestampOutsideRecvWindow) {
            try RequestTiming.check(timestamp: now - 10_001, recvWindow: 10_000, now: now)
        }
    }

    @Test func aSecondOrMoreAheadIsRefused() {
        #expect(throws: BinanceError.timestampAhead) {
            try RequestTiming.check(timestamp: now + 1000, recvWindow: 60_000, now: now)
        }
    }

    @Test func recvWindowAboveSixtySecondsIsInvalid() throws {
        try RequestTiming.check(timestamp: now - 60_000, recvWindow: 60_000, now: now)
        #expect(throws: BinanceError.invalidParameter("recvWindow")) {
            try RequestTiming.check(timestamp: now, recvWindow: 60_001, now: now)
        }
    }
}
