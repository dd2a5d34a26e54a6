import SolventCore
import SolventJournal
import SolventWire

extension UserEventRenderer {
    init(_ listings: Catalog.Listings) {
        self.init(assets: listings.assets, markets: listings.markets)
    }

    /// The user-data events of a durable batch for the accounts `wanted`, in sequence order.
    func events(of batch: CommittedBatch, for wanted: (AccountId) -> Bool) -> [UserEvent] {
        var result: [UserEvent] = []
        for index in 0..<batch.count {
            let sequence = batch.firstSequence + UInt64(index)
            render(batch.events(of: index), sequence: sequence, wanted: wanted, into: &result)
        }
        return result
    }
}
