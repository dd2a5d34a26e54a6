/// The commit ring's bookkeeping, changed only under the ring's lock. Positions count batches
/// published since start; the ring holds those in `tail..<head`, each in slot `position %
/// batchesMax`.
struct RingState {
    struct Slot {
        let batch: CommittedBatch
        /// Commands published before this batch: what lets a cursor count what it has waiting.
        let commandsBefore: UInt64
    }

    struct Cursor {
        let name: String
        /// The first position this cursor has not finished with.
        var next: UInt64
        /// The end of what it took last; released when it comes back for more.
        var takenEnd: UInt64
        var hurried = false
        var attached = true
        var waiting = Waiting.no
    }

    /// What a cursor's thread is asleep for, so the producer wakes it only when that is in.
    enum Waiting {
        case no
        case forBatches
        case gathering(commandsMax: Int)
    }

    private var slots: [Slot?]
    private(set) var head: UInt64 = 0
    private(set) var tail: UInt64 = 0
    private var commandsPublished: UInt64 = 0
    private var commandsReleased: UInt64 = 0
    var cursors: [Cursor] = []
    var closed = false
    var producerWaits = 0
    var producerWaiting = false
    private(set) var lastSequence: UInt64?

    init(batchesMax: Int) {
        slots = Array(repeating: nil, count: batchesMax)
    }

    var heldBatches: Int { Int(head - tail) }
    var heldCommands: Int { Int(commandsPublished - commandsReleased) }

    /// Room for one more batch of `commands`: a batch larger than the whole command budget still
    /// goes into an empty ring, so no batch can wait forever.
    func hasRoom(for commands: Int, batchesMax: Int, commandsMax: Int) -> Bool {
        heldBatches < batchesMax && (heldBatches == 0 || heldCommands + commands <= commandsMax)
    }

    mutating func attach(_ name: String) -> Int {
        cursors.append(Cursor(name: name, next: head, takenEnd: head))
        return cursors.count - 1
    }

    mutating func detach(_ id: Int) {
        cursors[id].attached = false
        advanceTail()
    }

    mutating func append(_ batch: CommittedBatch) {
        assert(heldBatches < slots.count, "append only with room")
        slots[slot(head)] = Slot(batch: batch, commandsBefore: commandsPublished)
        head += 1
        commandsPublished += UInt64(batch.count)
        lastSequence = batch.lastSequence
        // With nobody reading, nothing is held.
        if !cursors.contains(where: \.attached) { advanceTail() }
    }

    /// The cursors whose wait the last append ended.
    func cursorsToWake() -> [Int] {
        cursors.indices.filter { id in
            switch cursors[id].waiting {
            case .no: false
            case .forBatches: true
            case .gathering(let commandsMax): availableCommands(id) >= commandsMax
            }
        }
    }

    func available(_ id: Int) -> UInt64 { head - cursors[id].next }

    func availableCommands(_ id: Int) -> Int {
        let next = cursors[id].next
        guard next < head, let slot = slots[slot(next)] else { return 0 }
        return Int(commandsPublished - slot.commandsBefore)
    }

    /// The cursor has finished with what it took last.
    mutating func releaseTaken(_ id: Int) {
        assert(cursors[id].takenEnd >= cursors[id].next, "a cursor never moves back")
        cursors[id].next = cursors[id].takenEnd
        advanceTail()
    }

    mutating func take(_ id: Int, into batches: inout [CommittedBatch]) {
        for position in cursors[id].next..<head { batches.append(slots[slot(position)]!.batch) }
        cursors[id].takenEnd = head
    }

    /// Frees every batch that all attached cursors have passed.
    private mutating func advanceTail() {
        let newTail = cursors.lazy.filter(\.attached).map(\.next).min() ?? head
        while tail < newTail {
            let index = slot(tail)
            commandsReleased += UInt64(slots[index]!.batch.count)
            slots[index] = nil
            tail += 1
        }
    }

    private func slot(_ position: UInt64) -> Int { Int(position % UInt64(slots.count)) }
}
