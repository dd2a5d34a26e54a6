import SolventCore
import SolventJournal

/// A clock that reads out `times` in order, then repeats the last one; it may go backwards.
final class ScriptedClock: SequencerClock, Sendable {
    private let state: Locked<(times: [Timestamp], next: Int)>

    init(_ times: [Timestamp]) {
        precondition(!times.isEmpty, "a scripted clock needs a time")
        state = Locked((times, 0))
    }

    func now() -> Timestamp {
        state.update { state in
            let time = state.times[min(state.next, state.times.count - 1)]
            state.next += 1
            return time
        }
    }
}

/// A clock that moves one millisecond per reading from a fixed start: replays are identical.
final class SteppingClock: SequencerClock, Sendable {
    private let time: Locked<Timestamp>

    init(start: Timestamp = 1_700_000_000_000) { time = Locked(start) }

    func now() -> Timestamp {
        time.update { time in
            time += 1
            return time
        }
    }
}
