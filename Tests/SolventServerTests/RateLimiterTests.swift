import Testing
@testable import SolventServer
@testable import SolventWire

/// The rate limiter on a clock of its own: 429 past the weight, 418 for an IP that keeps going,
/// the ban's Retry-After, and the ban lifting when its time is up.
@Suite struct RateLimiterTests {
    static func limiter() -> RateLimiter {
        var limits = RateLimits()
        limits.weightPerMinute = 10
        limits.banSeconds = 120
        return RateLimiter(limits: limits)
    }

    static func refusal(_ limiter: RateLimiter, _ ip: String = "10.0.0.1", at now: Int64) -> BinanceError? {
        do throws(BinanceError) {
            try limiter.chargeRequest(ip: ip, weight: 5, now: now)
            return nil
        } catch {
            return error
        }
    }

    /// The answer's X-MBX-USED-WEIGHT comes from the charge itself, so it must be what a lookup
    /// would find: the minute's weight, this request included, per limited address.
    @Test func chargingReturnsTheMinutesUsedWeightThisRequestIncluded() throws {
        let limiter = Self.limiter()
        let start: Int64 = 1_800_000_000_000
        #expect(try limiter.chargeRequest(ip: "10.0.0.1", weight: 3, now: start) == 3)
        #expect(try limiter.chargeRequest(ip: "10.0.0.1", weight: 4, now: start + 1) == 7)
        #expect(try limiter.chargeRequest(ip: "::ffff:10.0.0.1", weight: 1, now: start + 2) == 8)
        #expect(limiter.usedWeight(ip: "10.0.0.1", now: start + 2) == 8)
        #expect(try limiter.chargeRequest(ip: "10.0.0.2", weight: 2, now: start + 3) == 2)
        #expect(try limiter.chargeRequest(ip: "10.0.0.1", weight: 2, now: start + 60_000) == 2, "a new minute")
    }

    @Test func anIPThatIgnores429IsBannedWith418UntilTheBanLifts() {
        let limiter = Self.limiter()
        let start: Int64 = 1_800_000_000_000  // on a minute boundary
        #expect(Self.refusal(limiter, at: start) == nil && Self.refusal(limiter, at: start + 1) == nil)
        let tooMany = Self.refusal(limiter, at: start + 2)
        #expect(tooMany?.httpStatus == 429 && tooMany?.code == -1003)
        #expect(tooMany?.retryAfterSeconds == 60, "the minute's window ends in 60 s")
        // A hundred refusals in a row are answered 429; the 101st is a ban.
        for n in 0..<99 { #expect(Self.refusal(limiter, at: start + 3 + Int64(n))?.httpStatus == 429) }
        let banned = Self.refusal(limiter, at: start + 200)
        #expect(banned?.httpStatus == 418 && banned?.code == -1003)
        #expect(banned?.retryAfterSeconds == 120)
        #expect(Self.refusal(limiter, at: start + 60_000)?.retryAfterSeconds == 61, "still banned a minute on")
        #expect(Self.refusal(limiter, "10.0.0.2", at: start + 60_000) == nil, "another IP is not")
        #expect(Self.refusal(limiter, at: start + 200 + 119_999)?.httpStatus == 418)
        #expect(Self.refusal(limiter, at: start + 200 + 120_000) == nil, "lifted, in a fresh minute")
    }
}
