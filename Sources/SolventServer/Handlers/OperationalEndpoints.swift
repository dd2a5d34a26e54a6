import SolventWire

/// `/health` (the process answers), `/ready` (the journal is accepting and the history is
/// caught up) and `/metrics` (Prometheus text).
enum OperationalEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint("GET", "/health", .none) { _ throws(BinanceError) in Reply(Array(#"{"status":"ok"}"#.utf8)) },
            Endpoint("GET", "/ready", .none) { _ throws(BinanceError) in
                let committed = context.sequencer.committedSequence
                let recorded = context.history.recordedSequence
                var writer = JSONWriter(capacity: 96)
                writer.object { writer in
                    writer.field("ready", recorded >= committed)
                    writer.field("journalSequence", Int64(committed))
                    writer.field("historySequence", Int64(recorded))
                }
                return Reply(writer.finish(), status: recorded >= committed ? 200 : 503)
            },
            Endpoint("GET", "/metrics", .none) { _ throws(BinanceError) in
                var reply = Reply(context.metrics.text())
                reply.contentType = "text/plain; version=0.0.4"
                return reply
            },
        ]
    }
}
