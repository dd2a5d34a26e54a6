import Foundation
import NIOCore
import SolventCore
import SolventWire
import Synchronization

/// Serves `/ws`, `/ws/<stream>[/<stream>…]`, `/stream` and `/stream?streams=…` (spec §5.1–5.2):
/// the streams named in the URL, then the control messages. Market streams go to the hub; any
/// other name is offered to the user-stream resolver (listen keys), and otherwise carries no
/// data, as ccxt.pro's `/ws/0` and an unlisted symbol do.
final class MarketStreamService: WebSocketService {
    private let hub: MarketStreamHub
    private let catalog: Catalog
    private let users: any UserStreamResolving
    private let limits: StreamLimits
    private let connections = Mutex<[UInt64: StreamConnection]>([:])

    init(hub: MarketStreamHub, catalog: Catalog, users: any UserStreamResolving, limits: StreamLimits) {
        self.hub = hub
        self.catalog = catalog
        self.users = users
        self.limits = limits
    }

    func opened(_ session: WebSocketSession) {
        let combined = session.path == "/stream" || session.path.hasPrefix("/stream/")
        let connection = StreamConnection(subscriber: StreamSubscriber(session: session, combined: combined))
        connections.withLock { $0[session.id] = connection }
        let names = Self.namesInURL(path: session.path, query: session.query)
        guard names.count <= limits.streamsPerConnectionMax else { return session.close(.tooManyStreams) }
        subscribe(names.filter(ControlRequest.isPlausibleStreamName), on: connection, ack: nil, keepUnknown: false)
    }

    func received(_ message: String, from session: WebSocketSession) async {
        guard let connection = connections.withLock({ $0[session.id] }) else { return }
        switch ControlRequest.parse(message) {
        case .failure(let failure):
            session.send(ControlReply.failure(failure))
        case .success(let request):
            handle(request, on: connection)
        }
    }

    func shuttingDown(_ session: WebSocketSession) {
        guard let connection = connections.withLock({ $0[session.id] }) else { return }
        let notice = StreamNoticeJSON.serverShutdown(eventTime: ServerClock.milliseconds())
        connection.subscriber.deliver(notice, stream: "!serverShutdown")
    }

    func closed(_ session: WebSocketSession) {
        guard let connection = connections.withLock({ $0.removeValue(forKey: session.id) }) else { return }
        let names = connection.withState { state in
            defer { state = StreamConnection.State() }
            state.attachments.values.forEach { $0.detach() }
            return state.names
        }
        let entries = names.compactMap { name in topic(for: name).map { ($0, name) } }
        hub.withState { $0.unsubscribe(entries, connection.subscriber) }
    }

    // MARK: Control messages

    private func handle(_ request: ControlRequest, on connection: StreamConnection) {
        let subscriber = connection.subscriber
        switch request.method {
        case .subscribe(let names):
            let total = connection.withState { Set($0.names).union(names).count }
            guard total <= limits.streamsPerConnectionMax else {
                subscriber.session.send(ControlReply.failure(.invalidRequest("too many streams", request.id)))
                return
            }
            subscribe(names, on: connection, ack: ControlReply.result(null: request.id), keepUnknown: true)
        case .unsubscribe(let names):
            unsubscribe(names, on: connection)
            subscriber.session.send(ControlReply.result(null: request.id))
        case .listSubscriptions:
            subscriber.session.send(ControlReply.result(connection.withState { $0.names }, id: request.id))
        case .setProperty(_, let value):
            subscriber.combined = value
            subscriber.session.send(ControlReply.result(null: request.id))
        case .getProperty:
            subscriber.session.send(ControlReply.result(subscriber.combined, id: request.id))
        }
    }

    /// Subscribes the new names among `names`; the acknowledgement is queued under the hub's
    /// lock, so it reaches the client before any push of the streams it acknowledges. A name
    /// that is neither a market nor a user stream is listed only when the client subscribed it
    /// by message (`keepUnknown`): in a URL it is a connection index (ccxt.pro's `/ws/0`).
    private func subscribe(_ names: [String], on connection: StreamConnection, ack: [UInt8]?, keepUnknown: Bool) {
        let fresh = connection.withState { state in
            var fresh: [String] = []
            for name in names where !state.names.contains(name) && !fresh.contains(name) { fresh.append(name) }
            return fresh
        }
        var entries: [(StreamTopic, String)] = []
        var kept: [String] = []
        for name in fresh {
            if let topic = topic(for: name) {
                entries.append((topic, name))
                kept.append(name)
            } else if let attachment = users.attach(name, to: connection.subscriber) {
                connection.withState { $0.attachments[name] = attachment }
                kept.append(name)
            } else if keepUnknown {
                kept.append(name)
            }
        }
        connection.withState { $0.names += kept }
        hub.withState { state in
            state.subscribe(entries, connection.subscriber)
            if let ack { connection.subscriber.session.send(ack) }
        }
    }

    private func unsubscribe(_ names: [String], on connection: StreamConnection) {
        let (gone, detached) = connection.withState { state in
            let gone = state.names.filter(names.contains)
            state.names.removeAll(where: names.contains)
            let detached = gone.compactMap { state.attachments.removeValue(forKey: $0) }
            return (gone, detached)
        }
        detached.forEach { $0.detach() }
        let entries = gone.compactMap { name in topic(for: name).map { ($0, name) } }
        hub.withState { $0.unsubscribe(entries, connection.subscriber) }
    }

    /// The hub topic a name stands for; nil for anything but a market stream of a listed market.
    private func topic(for name: String) -> StreamTopic? {
        switch MarketStreamName.parse(name) {
        case .market(let symbol, let kind)?:
            guard let (id, _) = catalog.market(symbol: symbol) else { return nil }
            return .market(id, kind)
        case .allMiniTickers?: return .allMiniTickers
        case .allTickers?: return .allTickers
        case nil: return nil
        }
    }

    /// `/ws/a/b` → [a, b]; `/stream?streams=a/b` → [a, b]; bare paths name nothing.
    static func namesInURL(path: String, query: String?) -> [String] {
        var names: [String] = []
        if path.hasPrefix("/ws/") {
            names += path.dropFirst(4).split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        }
        for item in (query ?? "").split(separator: "&") where item.hasPrefix("streams=") {
            let value = String(item.dropFirst(8))
            names += (value.removingPercentEncoding ?? value).split(separator: "/").map(String.init)
        }
        return names
    }
}

/// One connection's subscriptions: the names in subscription order (LIST_SUBSCRIPTIONS), and
/// its holds on user streams.
final class StreamConnection: Sendable {
    struct State {
        var names: [String] = []
        var attachments: [String: any UserStreamAttachment] = [:]
    }

    let subscriber: StreamSubscriber
    private let state = Mutex(State())

    init(subscriber: StreamSubscriber) {
        self.subscriber = subscriber
    }

    func withState<Value>(_ body: (inout State) -> Value) -> Value {
        state.withLock { body(&$0) }
    }
}
