import Testing
@testable import SolventServer

/// The connection limits of spec §5.1: messages per second per connection, open connections,
/// and new connections per IP per five minutes.
@Suite struct StreamLimitsTests {
    @Test func theMessageRateAllowsItsMaximumPerSecondAndNoMore() {
        var rate = MessageRate(perSecondMax: 5)
        var admitted: [Bool] = []
        for offset in 0..<5 { admitted.append(rate.admit(nowMs: 10_000 + Int64(offset))) }
        admitted.append(rate.admit(nowMs: 10_900))
        // A new second starts a new count.
        admitted.append(rate.admit(nowMs: 11_000))
        #expect(admitted == [true, true, true, true, true, false, true])
    }

    @Test func theDefaultRateLetsClientsBurstTheirSubscriptions() {
        // binance-connector and ccxt.pro send one SUBSCRIBE per stream back to back.
        var rate = MessageRate(perSecondMax: StreamLimits().messagesPerSecondMax)
        var admitted = 0
        for offset in 0..<8 where rate.admit(nowMs: 5_000 + Int64(offset)) { admitted += 1 }
        #expect(admitted == 8)
    }

    @Test func openConnectionsAreCappedAndSlotsComeBack() {
        var limits = StreamLimits()
        limits.connectionsMax = 2
        let admission = ConnectionAdmission(limits: limits, enforcePerIP: false)
        #expect(admission.admit(ip: "a", nowMs: 0))
        #expect(admission.admit(ip: "b", nowMs: 0))
        #expect(!admission.admit(ip: "c", nowMs: 0))
        admission.release()
        #expect(admission.admit(ip: "c", nowMs: 0))
        #expect(admission.openConnections == 2)
    }

    @Test func newConnectionsPerIPAreLimitedPerFiveMinutesWhenEnforced() {
        var limits = StreamLimits()
        limits.connectionsPerIPPerFiveMinutes = 3
        let enforced = ConnectionAdmission(limits: limits, enforcePerIP: true)
        for _ in 0..<3 {
            #expect(enforced.admit(ip: "10.0.0.1", nowMs: 1_000))
            enforced.release()
        }
        #expect(!enforced.admit(ip: "10.0.0.1", nowMs: 2_000))
        #expect(enforced.admit(ip: "10.0.0.2", nowMs: 2_000))
        #expect(enforced.admit(ip: "10.0.0.1", nowMs: 300_000))
        let lenient = ConnectionAdmission(limits: limits, enforcePerIP: false)
        #expect((0..<10).allSatisfy { _ in lenient.admit(ip: "10.0.0.1", nowMs: 0) })
    }

    /// A client with a /64 of IPv6 addresses is one address to the limits; a table full of live
    /// windows refuses newcomers instead of forgetting everyone's count.
    @Test func perIPLimitsCountAnIPv6NetworkOnceAndFailClosedWhenTheTableIsFull() {
        var limits = StreamLimits()
        limits.connectionsPerIPPerFiveMinutes = 2
        let admission = ConnectionAdmission(limits: limits, enforcePerIP: true, addressesMax: 3)
        #expect(admission.admit(ip: "2001:db8:0:1::1", nowMs: 0))
        #expect(admission.admit(ip: "2001:db8:0:1:ffff::2", nowMs: 1))
        #expect(!admission.admit(ip: "2001:db8:0:1:abcd::3", nowMs: 2), "the third address of one /64")
        #expect(admission.admit(ip: "::ffff:10.0.0.9", nowMs: 3))
        #expect(admission.admit(ip: "10.0.0.9", nowMs: 4))
        #expect(!admission.admit(ip: "::ffff:10.0.0.9", nowMs: 4), "the mapped form is the same address")
        #expect(admission.admit(ip: "10.0.0.1", nowMs: 5))
        // Three live windows: a fourth address waits, and the first keeps its count.
        #expect(!admission.admit(ip: "10.0.0.2", nowMs: 6))
        #expect(!admission.admit(ip: "2001:db8:0:1::7", nowMs: 7))
        // In the next window the ended ones are dropped and newcomers are admitted again.
        #expect(admission.admit(ip: "10.0.0.2", nowMs: 300_000))
        #expect(LimitedAddress.key("2001:DB8::1") == "2001:db8:0:0::/64")
        #expect(LimitedAddress.key("::ffff:192.0.2.1") == "192.0.2.1")
        #expect(LimitedAddress.key("192.0.2.1") == "192.0.2.1")
    }
}
