import SolventCore
import SolventWire

/// Listen keys as streams (spec §6.2, legacy path): `/ws/<listenKey>`, `/stream?streams=<listenKey>`
/// and `SUBSCRIBE` with the key attach the connection to the key's account. Events go out bare
/// or wrapped as the connection is; when the key expires or is closed the connection gets
/// `listenKeyExpired` and nothing more from it.
struct ListenKeyStreams: UserStreamResolving {
    let userStreams: UserStreams
    let listenKeys: ListenKeys

    func attach(_ name: String, to subscriber: StreamSubscriber) -> (any UserStreamAttachment)? {
        guard let account = listenKeys.account(of: name, now: ServerClock.milliseconds()) else { return nil }
        let id = userStreams.subscribe(account: account, listenKey: name, sink: UserEventSink(
            deliver: { event in subscriber.deliver(event.json, stream: name) },
            ended: { ending in
                switch ending {
                case .listenKeyExpired(let key, let time):
                    subscriber.deliver(UserStreamNoticeJSON.listenKeyExpired(key, time: time), stream: name)
                case .keyRevoked(let time):
                    subscriber.deliver(UserStreamNoticeJSON.listenKeyExpired(name, time: time), stream: name)
                }
            }))
        return ListenKeyAttachment(userStreams: userStreams, id: id)
    }
}

/// One connection's hold on a listen key's events.
struct ListenKeyAttachment: UserStreamAttachment {
    let userStreams: UserStreams
    let id: UserStreams.SubscriptionId

    func detach() {
        userStreams.unsubscribe(id)
    }
}
