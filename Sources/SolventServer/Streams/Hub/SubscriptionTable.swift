/// Who listens to which topic. Each topic's recipients are an array value, so the hub takes a
/// snapshot for a fan-out by retaining it, and a subscription change copies it (rare next to
/// pushes).
struct SubscriptionTable {
    private(set) var recipients: [StreamTopic: [Recipient]] = [:]

    /// Adds `recipient` to `topic`; returns whether the topic had no recipients before.
    mutating func add(_ recipient: Recipient, to topic: StreamTopic) -> Bool {
        let wasEmpty = recipients[topic]?.isEmpty ?? true
        recipients[topic, default: []].append(recipient)
        return wasEmpty
    }

    /// Removes the subscription of `subscriber` under `name`; returns whether `topic` is now
    /// without recipients.
    mutating func remove(_ subscriber: StreamSubscriber, name: String, from topic: StreamTopic) -> Bool {
        guard var list = recipients[topic] else { return false }
        list.removeAll { $0.subscriber === subscriber && $0.name == name }
        if list.isEmpty {
            recipients[topic] = nil
            return true
        }
        recipients[topic] = list
        return false
    }

    func list(_ topic: StreamTopic) -> [Recipient] {
        recipients[topic] ?? []
    }

    func hasRecipients(_ topic: StreamTopic) -> Bool {
        recipients[topic] != nil
    }
}
