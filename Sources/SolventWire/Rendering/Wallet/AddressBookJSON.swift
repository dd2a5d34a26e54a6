import SolventCore

/// `capital/withdraw/address/list` (wallet spec §2): the account's withdrawal address book, in the
/// order the addresses were filed. `whiteStatus` says the address is usable under
/// allow-list-only now (its delay has passed).
public enum AddressBookJSON {
    public struct Entry: Sendable {
        public var booked: BookedAddress
        public var coin: String
        public var network: String

        public init(booked: BookedAddress, coin: String, network: String) {
            self.booked = booked
            self.coin = coin
            self.network = network
        }
    }

    public static func render(_ entries: [Entry], now: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 * max(1, entries.count))
        writer.array { writer in
            for entry in entries {
                let address = entry.booked.address
                writer.object { writer in
                    writer.field("address", address.address)
                    writer.field("addressTag", address.tag)
                    writer.field("coin", entry.coin)
                    writer.field("name", address.name)
                    writer.field("network", entry.network)
                    writer.field("origin", "")
                    writer.field("originType", "")
                    writer.field("whiteStatus", entry.booked.usableFrom <= now)
                }
            }
        }
        return writer.finish()
    }
}
