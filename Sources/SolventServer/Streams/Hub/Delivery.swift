import NIOCore

/// One rendered push and who gets it. The payload is rendered once; the raw form is one shared
/// buffer, and the combined form is built once per distinct stream name among the recipients.
struct Delivery: Sendable {
    let payload: [UInt8]
    let recipients: [Recipient]

    /// Queues the push on every recipient's outbox; never waits (a full outbox closes itself).
    func send() -> Int {
        let raw = ByteBuffer(bytes: payload)
        var combined: [String: ByteBuffer] = [:]
        var sent = 0
        for recipient in recipients {
            let buffer: ByteBuffer
            if recipient.subscriber.combined {
                if let made = combined[recipient.name] {
                    buffer = made
                } else {
                    buffer = StreamPayload.combined(payload, stream: recipient.name)
                    combined[recipient.name] = buffer
                }
            } else {
                buffer = raw
            }
            if recipient.subscriber.session.send(buffer) { sent += 1 }
        }
        return sent
    }
}
