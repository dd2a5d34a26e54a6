import NIOCore
import NIOPosix
import Synchronization

/// Brings answers that arrive on another thread (the committer's, once a batch is durable) back
/// to the event loop the waiting request runs on, many per wake-up.
///
/// Resuming a continuation from a thread outside the event loops hands the task to an arbitrary
/// loop, one wake-up per task; a request resumed on a loop other than its connection's then hops
/// again to write its response. Relayed, the first answer of a batch wakes the request's own
/// loop once, and the answers that arrive while it wakes ride along; the tasks they resume are
/// queued on that loop without waking anything.
final class ReplyRelay: Sendable {
    private let loop: any EventLoop
    private let pending = Mutex<[@Sendable () -> Void]>([])

    private init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Runs `resume` on the loop that is current now, or at once when there is none (tests,
    /// commands run from a plain thread).
    static func forCurrentLoop(in relays: Relays) -> @Sendable (@escaping @Sendable () -> Void) -> Void {
        guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else { return { $0() } }
        let relay = relays.relay(for: loop)
        return { relay.run($0) }
    }

    private func run(_ resume: @escaping @Sendable () -> Void) {
        let isFirst = pending.withLock { pending in
            pending.append(resume)
            return pending.count == 1
        }
        if isFirst { loop.execute { self.drain() } }
    }

    private func drain() {
        let resumes = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        for resume in resumes { resume() }
    }

    /// One relay per event loop, made when a loop first waits.
    final class Relays: Sendable {
        private let byLoop = Mutex<[ObjectIdentifier: ReplyRelay]>([:])

        init() {}

        fileprivate func relay(for loop: any EventLoop) -> ReplyRelay {
            byLoop.withLock { relays in
                if let relay = relays[ObjectIdentifier(loop)] { return relay }
                let relay = ReplyRelay(loop: loop)
                relays[ObjectIdentifier(loop)] = relay
                return relay
            }
        }
    }
}
