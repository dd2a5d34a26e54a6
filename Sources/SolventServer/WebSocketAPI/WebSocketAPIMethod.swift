/// What answers each WebSocket API method (spec §6.3). Most are a REST endpoint under another
/// name (its declaration's `webSocketMethod`), served by the very same handler with the same
/// parameters; the user-data subscription and session methods exist only here.
enum WebSocketAPIMethod {
    /// The REST endpoint whose handler answers.
    case endpoint(Endpoint)
    case subscribeSignature
    case subscribe
    case unsubscribe
    case subscriptions
    case logon
    case status
    case logout

    /// The method named `name`, with or without the `v3/` prefix clients may send.
    static func named(_ name: String, in endpoints: EndpointTable) -> WebSocketAPIMethod? {
        let name = name.hasPrefix("v3/") ? String(name.dropFirst(3)) : name
        return endpoints.endpoint(webSocketMethod: name).map(WebSocketAPIMethod.endpoint) ?? sessionMethods[name]
    }

    /// REQUEST_WEIGHT of the methods that are not a REST endpoint (spec §7.2; the REST ones cost
    /// what their endpoint costs).
    static let ownWeight = 2

    /// Whether the method can place orders, so its reply reports the ORDERS limits too.
    var placesOrders: Bool {
        guard case .endpoint(let endpoint) = self else { return false }
        return endpoint.declaration.placesOrders
    }

    /// The methods that are no REST endpoint, by name.
    static let sessionMethods: [String: WebSocketAPIMethod] = [
        "userDataStream.subscribe.signature": .subscribeSignature,
        "userDataStream.subscribe": .subscribe,
        "userDataStream.unsubscribe": .unsubscribe,
        "session.subscriptions": .subscriptions,
        "session.logon": .logon,
        "session.status": .status,
        "session.logout": .logout,
    ]
}
