import NIOCore
import NIOEmbedded
import Testing
@testable import SolventServer

/// Slow consumers (spec §5.1, issue: "a consumer that falls behind is disconnected with a close
/// reason, and never slows the engine or other consumers"): every outbox is bounded, a push never
/// waits, and a full outbox closes itself instead.
@Suite struct StreamOutboxTests {
    /// A budget no test here reaches, but the one about the budget.
    static let roomy = OutboxBudget(bytesMax: 1 << 30)

    /// At the server-wide budget, a connection that is behind is cut off and frees its queue,
    /// and one whose outbox is empty still gets its message.
    @Test func theSharedBudgetCutsOffConnectionsThatAreBehindAndSparesTheOnesThatRead() async {
        let budget = OutboxBudget(bytesMax: 10)
        let behind = Outbox(messagesMax: 100, bytesMax: 1_000, budget: budget)
        let reading = Outbox(messagesMax: 100, bytesMax: 1_000, budget: budget)
        #expect(behind.push(ByteBuffer(string: "12345678")))
        #expect(budget.bytesUsed == 8)
        #expect(reading.push(ByteBuffer(string: "abcd")), "an empty outbox gets its message past the budget")
        #expect(budget.bytesUsed == 12)
        #expect(!behind.push(ByteBuffer(string: "9")))
        #expect(behind.closeReason == .slowConsumer)
        #expect(budget.bytesUsed == 4, "the cut-off queue's bytes went back")
        var items: [Outbox.Item] = []
        #expect(await reading.take(into: &items) == nil && items.count == 1)
        #expect(budget.bytesUsed == 0)
        #expect(reading.push(ByteBuffer(string: "0123456789")) && reading.closeReason == nil)
    }
    private func session(messagesMax: Int, bytesMax: Int = 1 << 20) -> WebSocketSession {
        var limits = StreamLimits()
        limits.outboxMessagesMax = messagesMax
        limits.outboxBytesMax = bytesMax
        return WebSocketSession(path: "/ws", query: nil, clientIP: "127.0.0.1", channel: EmbeddedChannel(), limits: limits,
                                budget: Self.roomy)
    }

    @Test func aFullOutboxClosesWithSlowConsumerAndDropsWhatItHeld() async {
        let outbox = Outbox(messagesMax: 3, bytesMax: 1_000, budget: Self.roomy)
        for _ in 0..<3 { #expect(outbox.push(ByteBuffer(string: "x"))) }
        #expect(outbox.closeReason == nil)
        #expect(!outbox.push(ByteBuffer(string: "one too many")))
        #expect(outbox.closeReason == .slowConsumer)
        #expect(outbox.closeReason?.code == 1008)
        #expect(!outbox.push(ByteBuffer(string: "after")))
        var items: [Outbox.Item] = []
        #expect(await outbox.take(into: &items) == .slowConsumer)
        #expect(items.isEmpty)
    }

    @Test func theByteBoundCountsToo() {
        let outbox = Outbox(messagesMax: 100, bytesMax: 10, budget: Self.roomy)
        #expect(outbox.push(ByteBuffer(string: "12345")))
        #expect(outbox.push(ByteBuffer(string: "67890")))
        #expect(!outbox.push(ByteBuffer(string: "1")))
        #expect(outbox.closeReason == .slowConsumer)
    }

    @Test func aWaitingWriterWakesOnPushAndGetsEverythingInOrder() async {
        let outbox = Outbox(messagesMax: 10, bytesMax: 1_000, budget: Self.roomy)
        let writer = Task {
            var items: [Outbox.Item] = []
            _ = await outbox.take(into: &items)
            return items.map { if case .text(let buffer) = $0 { String(buffer: buffer) } else { "ping" } }
        }
        try? await Task.sleep(for: .milliseconds(20))
        outbox.push(ByteBuffer(string: "a"))
        outbox.push(ByteBuffer(string: "b"))
        let taken = await writer.value
        #expect(taken == ["a"] || taken == ["a", "b"])
        outbox.close(.normal)
        var rest: [Outbox.Item] = []
        #expect(await outbox.take(into: &rest) == .normal)
    }

    /// One fan-out to a consumer that reads nothing and one that keeps up: the first is cut off
    /// after its bound, the second gets every message, and pushing never waited for either.
    @Test func aSlowConsumerIsCutOffWithoutHoldingUpTheOthers() {
        let slow = session(messagesMax: 16), healthy = session(messagesMax: 100_000)
        let recipients = [Recipient(subscriber: StreamSubscriber(session: slow, combined: false), name: "x@trade"),
                          Recipient(subscriber: StreamSubscriber(session: healthy, combined: true), name: "x@trade")]
        var sent = 0
        for index in 0..<10_000 {
            sent += Delivery(payload: Array(#"{"t":\#(index)}"#.utf8), recipients: recipients).send()
        }
        #expect(slow.outbox.closeReason == .slowConsumer)
        #expect(healthy.outbox.closeReason == nil)
        #expect(healthy.outbox.depth.messages == 10_000)
        #expect(sent == 10_000 + 16)
    }

    @Test func combinedSubscribersGetTheWrapperWithTheNameTheyUsed() async {
        let raw = session(messagesMax: 10), combined = session(messagesMax: 10)
        _ = Delivery(payload: Array(#"{"e":"trade"}"#.utf8), recipients: [
            Recipient(subscriber: StreamSubscriber(session: raw, combined: false), name: "btcusdt@trade"),
            Recipient(subscriber: StreamSubscriber(session: combined, combined: true), name: "btcusdt@trade"),
        ]).send()
        #expect(await texts(raw) == [#"{"e":"trade"}"#])
        #expect(await texts(combined) == [#"{"stream":"btcusdt@trade","data":{"e":"trade"}}"#])
    }

    private func texts(_ session: WebSocketSession) async -> [String] {
        var items: [Outbox.Item] = []
        _ = await session.outbox.take(into: &items)
        return items.compactMap { if case .text(let buffer) = $0 { String(buffer: buffer) } else { nil } }
    }
}
