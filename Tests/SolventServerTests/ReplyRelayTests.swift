import Foundation
import NIOCore
import NIOPosix
@testable import SolventServer
import Synchronization
import Testing

/// Answers that arrive on another thread run on the event loop that asked, every one of them;
/// without a loop they run at once.
@Suite struct ReplyRelayTests {
    @Test func answersFromAnotherThreadRunOnTheLoopThatAsked() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let relays = ReplyRelay.Relays()
        let relay = try await loop.submit { ReplyRelay.forCurrentLoop(in: relays) }.get()
        let onLoop = Mutex<[Bool]>([])
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                for index in 0..<1_000 {
                    relay {
                        let count = onLoop.withLock { $0.append(loop.inEventLoop); return $0.count }
                        if count == 1_000 { done.resume() }
                    }
                    if index % 100 == 0 { usleep(100) } // let some answers find the loop asleep
                }
            }.start()
        }
        #expect(onLoop.withLock { $0.count } == 1_000)
        #expect(onLoop.withLock { $0.allSatisfy { $0 } })
        try await group.shutdownGracefully()
    }

    @Test func withoutALoopAnswersRunAtOnce() {
        let relay = ReplyRelay.forCurrentLoop(in: ReplyRelay.Relays())
        let ran = Mutex(false)
        relay { ran.withLock { $0 = true } }
        #expect(ran.withLock { $0 })
    }
}
