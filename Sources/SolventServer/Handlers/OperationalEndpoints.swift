import SolventWire

/// `/health` (the process answers), `/ready` (the journal is accepting and the history is
/// caught up) and `/metrics` (Prometheus text).
enum OperationalEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.health) { _ throws(BinanceError) in Reply(Array(#"{"status":"ok"}"#.utf8)) },
            Endpoint(.ready) { _ throws(BinanceError) in
                let committed = context.sequencer.committedSequence
                let recorded = context.history.recordedSequence
                return Reply(GeneralJSON.readiness(journalSequence: committed, historySequence: recorded),
                             status: recorded >= committed ? 200 : 503)
            },
            Endpoint(.metrics) { _ throws(BinanceError) in
                var reply = Reply(context.metrics.text())
                reply.contentType = "text/plain; version=0.0.4"
                return reply
            },
        ]
    }
}
