/// The server's parts, wired together by `SolventApplication.assemble`, before any listener
/// starts: what `run` serves, what the offline admin drives, what tests reach into.
struct AssembledServer {
    let context: ServerContext
    /// The REST API the public listener's door serves (`APIChannelHandler`) and the WebSocket
    /// API calls.
    let api: APIService
    /// The operator's endpoints and `/metrics`, through the same door on the admin listener.
    let adminAPI: APIService
    let webSockets: WebSocketUpgrade
    let webSocketAPI: WebSocketAPI
    let proof: ProofServices
    /// The auditors' access log and the journaling of its head.
    let accessLog: AccessLogCheckpoints
    /// The plain HTTP connections open now on each listener (`ConnectionDeadlines` keeps them):
    /// a flood of the public's cannot evict the operator's.
    let connections: OpenConnections
    let adminConnections: OpenConnections
}
