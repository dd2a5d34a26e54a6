import Foundation
import SolventCore
import SolventJournal
import Testing
@testable import SolventServer

/// The per-account fan-out of user-data events (spec §6): what each account gets from a
/// command, in sequence order, never before the command is durable; listen-key subscriptions
/// end with `listenKeyExpired`.
@Suite(.serialized) struct UserDataTests {
    @Test func aTradeGivesEachSideItsReportsThenOnePositionWithTheAssetsItChanged() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        try await rig.setUp()
        let buyer = CollectingSink(), seller = CollectingSink()
        _ = rig.streams.subscribe(account: 1, sink: buyer.sink())
        _ = rig.streams.subscribe(account: 2, sink: seller.sink())
        _ = try await rig.sequencer.execute(UserDataRig.limit(2, .sell, price: 50_000, quantity: 50_000_000, id: "s-1"))
        _ = try await rig.sequencer.execute(UserDataRig.limit(1, .buy, price: 50_000, quantity: 20_000_000, id: "b-1"))
        #expect(await eventually { buyer.events.count == 3 && seller.events.count == 4 })
        // Seller: NEW + position (BTC locked), then the maker's TRADE + position.
        #expect(seller.kinds == ["executionReport", "outboundAccountPosition", "executionReport", "outboundAccountPosition"])
        // Buyer: NEW, TRADE, then one position for the whole command.
        #expect(buyer.kinds == ["executionReport", "executionReport", "outboundAccountPosition"])
        let position = try #require(buyer.events.last.map { String(decoding: $0.json, as: UTF8.self) })
        #expect(position.contains(#"{"a":"USDT","f":"#) && position.contains(#"{"a":"BTC","f":"0.19980000","l":"0.00000000"}"#),
                "\(position)")
        #expect(!buyer.events.contains { String(decoding: $0.json, as: UTF8.self).contains(#""c":"s-1""#) },
                "the seller's reports went to the buyer")
    }

    @Test func nothingIsPublishedWhileTheCommandsSyncIsHeld() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        try await rig.setUp()
        let sink = CollectingSink()
        let sequencer = rig.sequencer
        _ = rig.streams.subscribe(account: 3, sink: sink.sink(committed: { sequencer.committedSequence }))
        rig.disk.holdNextSync()
        let deposit = Task { try await sequencer.execute(.deposit(3, 0, 123_000_000)) }
        #expect(rig.disk.awaitHeldSync())
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(sink.events.isEmpty, "an event was published before its command was durable")
        rig.disk.release()
        let outcome = try await deposit.value
        #expect(await eventually { sink.events.count == 2 })
        #expect(sink.kinds == ["balanceUpdate", "outboundAccountPosition"])
        for delivery in sink.deliveries {
            #expect(delivery.event.sequence == outcome.sequence)
            #expect(delivery.committedThen >= delivery.event.sequence)
        }
    }

    @Test func eventsArriveInSequenceOrderUnderConcurrentCommands() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        try await rig.setUp()
        let sink = CollectingSink()
        _ = rig.streams.subscribe(account: 1, sink: sink.sink())
        let sequencer = rig.sequencer
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let command = index % 2 == 0 ? Command.deposit(1, 0, 1_000 + Int64(index))
                        : UserDataRig.limit(1, .buy, price: 1_000 + Int64(index), quantity: 10_000, id: "o-\(index)")
                    _ = try await sequencer.execute(command)
                }
            }
            try await group.waitForAll()
        }
        // 100 deposits (balanceUpdate + position) and 100 orders (NEW + position).
        #expect(await eventually { sink.events.count == 400 })
        let sequences = sink.events.map(\.sequence)
        #expect(sequences == sequences.sorted())
        #expect(Set(sequences).count == 200)
    }

    @Test func aSubscriberThatRefusesIsDroppedAndOthersKeepReceiving() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        try await rig.setUp()
        let refusing = CollectingSink(), steady = CollectingSink()
        _ = rig.streams.subscribe(account: 1, sink: refusing.sink(accepting: false))
        _ = rig.streams.subscribe(account: 1, sink: steady.sink())
        _ = try await rig.sequencer.execute(.deposit(1, 0, 1))
        _ = try await rig.sequencer.execute(.deposit(1, 0, 1))
        #expect(await eventually { steady.events.count == 4 })
        #expect(refusing.events.count == 1)
        #expect(rig.streams.subscriptionCount == 1)
    }

    @Test func aHubHeldInsideADeliveryHoldsTheCommitterBackAndLosesNothing() async throws {
        let rig = try UserDataRig(ringBatchesMax: 2)
        defer { rig.stop() }
        try await rig.setUp()
        let stuck = DispatchSemaphore(value: 0)
        let inDelivery = DispatchSemaphore(value: 0)
        let slow = CollectingSink(), other = CollectingSink()
        _ = rig.streams.subscribe(account: 1, sink: slow.sink(beforeDelivery: {
            inDelivery.signal()
            stuck.wait()
        }))
        _ = rig.streams.subscribe(account: 2, sink: other.sink())
        _ = try await rig.sequencer.execute(.deposit(1, 0, 1))
        #expect(inDelivery.wait(timeout: .now() + 20) == .success, "the hub never delivered")
        // The hub's thread is held inside a delivery: four more batches (one deposit each, the
        // setup having made 9 records) do not fit in two.
        for index in 0..<4 {
            try rig.sequencer.submit(.deposit(2, 0, 1)) { _ in }
            _ = await eventually { rig.sequencer.committedSequence >= UInt64(10 + index) || rig.ring.producerWaits > 0 }
        }
        #expect(await eventually { rig.ring.producerWaits > 0 }, "the committer waits for room")
        #expect(rig.sequencer.committedSequence < 13, "the last deposits wait while the hub is held")
        for _ in 0..<8 { stuck.signal() }
        _ = await eventually { other.events.count == 8 }
        #expect(other.events.count == 8, "every deposit's two events, none lost")
        #expect(slow.ended.isEmpty && other.ended.isEmpty)
        #expect(rig.streams.subscriptionCount == 2)
    }

    @Test func aListenKeyStreamEndsWithListenKeyExpiredWhenTheKeyIsClosed() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        let now = rig.clock.value
        let key = rig.listenKeys.open(for: 1, by: nil, now: now)
        let sink = CollectingSink()
        _ = rig.streams.subscribe(account: 1, listenKey: key, sink: sink.sink())
        try await Task.sleep(nanoseconds: 1_200_000_000)
        #expect(sink.ended.isEmpty, "a live key was ended")
        #expect(rig.listenKeys.close(key, account: 1))
        #expect(await eventually { !sink.ended.isEmpty })
        #expect(sink.ended == [.listenKeyExpired(key, at: now)])
        #expect(rig.streams.subscriptionCount == 0)
    }

    @Test func aListenKeyLivesSixtyMinutesFromItsLastKeepAlive() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        let start = rig.clock.value
        let key = rig.listenKeys.open(for: 1, by: nil, now: start)
        let sink = CollectingSink()
        _ = rig.streams.subscribe(account: 1, listenKey: key, sink: sink.sink())
        let minute: Int64 = 60_000
        #expect(rig.listenKeys.keepAlive(key, account: 1, now: start + 50 * minute))
        rig.clock.set(start + 100 * minute)  // 50 minutes after the keep-alive
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(sink.ended.isEmpty, "the keep-alive did not extend the key")
        rig.clock.set(start + 111 * minute)  // 61 minutes after it
        #expect(await eventually { !sink.ended.isEmpty })
        #expect(sink.ended == [.listenKeyExpired(key, at: start + 111 * minute)])
        #expect(!rig.listenKeys.keepAlive(key, account: 1, now: start + 111 * minute))
    }

    /// A revoked or disabled API key takes its streams with it within a sweep: the listen keys
    /// it alone opened, and the WebSocket API subscriptions it made; another key's stay.
    @Test func aRevokedKeysStreamsEndWithinASecond() async throws {
        let rig = try UserDataRig()
        defer { rig.stop() }
        let now = rig.clock.value
        let listenKey = rig.listenKeys.open(for: 1, by: "k1", now: now)
        let byListenKey = CollectingSink(), bySignature = CollectingSink(), byOtherKey = CollectingSink()
        _ = rig.streams.subscribe(account: 1, listenKey: listenKey, sink: byListenKey.sink())
        _ = rig.streams.subscribe(account: 1, apiKey: "k1", sink: bySignature.sink())
        _ = rig.streams.subscribe(account: 1, apiKey: "k2", sink: byOtherKey.sink())
        rig.revoked.revoke("k1")
        let revokedAt = Date()
        #expect(await eventually { byListenKey.ended.count == 1 && bySignature.ended.count == 1 })
        #expect(Date().timeIntervalSince(revokedAt) < 2.5, "a sweep runs every second")
        #expect(byListenKey.ended == [.listenKeyExpired(listenKey, at: now)])
        #expect(bySignature.ended == [.keyRevoked(at: now)])
        #expect(byOtherKey.ended.isEmpty && rig.streams.subscriptionCount == 1)
        #expect(rig.listenKeys.account(of: listenKey, now: now) == nil, "the listen key died with its only key")
    }
}
