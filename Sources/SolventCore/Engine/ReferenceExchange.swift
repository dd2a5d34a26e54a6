/// The engine on `ReferenceBook`: the same rules as `Exchange` over plain sorted arrays. The
/// benchmark replays its stream on this too, so every figure comes with a baseline measured in
/// the same run; like `Exchange` it is concrete so that it is specialized inside this module.
public struct ReferenceExchange {
    public private(set) var engine = Engine<ReferenceBook>()

    public init() {}

    public mutating func apply(_ command: Command, at time: Timestamp, into events: inout [Event]) {
        engine.apply(command, at: time, into: &events)
    }
}
