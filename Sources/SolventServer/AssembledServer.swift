/// The server's parts, wired together by `SolventApplication.assemble`, before any listener
/// starts: what `run` serves, what the offline admin drives, what tests reach into.
struct AssembledServer {
    let context: ServerContext
    /// The REST API its one door serves (`APIChannelHandler`) and the WebSocket API calls.
    let api: APIService
    let webSockets: WebSocketUpgrade
    let webSocketAPI: WebSocketAPI
    let proof: ProofServices
    /// The plain HTTP connections open now (`ConnectionDeadlines` keeps it).
    let connections: OpenConnections
}
