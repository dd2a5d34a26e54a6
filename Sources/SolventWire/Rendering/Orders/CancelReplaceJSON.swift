import SolventCore

/// `POST /api/v3/order/cancelReplace` (spec §3.3): a 200 object when both halves succeed, else
/// an error whose `data` reports each half.
public enum CancelReplaceJSON {
    /// What became of the new-order half.
    public enum NewOrderOutcome: Sendable, Hashable {
        case placed(PlacedOrder)
        case failed(BinanceError)
        /// STOP_ON_FAILURE and the cancel failed.
        case notAttempted
    }

    /// Both halves succeeded (HTTP 200).
    public static func success(cancel: CanceledOrder, newOrder: PlacedOrder, responseType: NewOrderResponseType,
                               market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 1536)
        writer.beginObject()
        writer.field("cancelResult", "SUCCESS")
        writer.field("newOrderResult", "SUCCESS")
        writer.key("cancelResponse")
        CancelJSON.write(cancel, market: market, to: &writer)
        writer.key("newOrderResponse")
        NewOrderJSON.write(newOrder, as: responseType, market: market, to: &writer)
        writer.endObject()
        return writer.finish()
    }

    /// At least one half failed: `-2021` (HTTP 409) when the other succeeded, else `-2022`
    /// (HTTP 400). Each failed half shows its own `{"code","msg"}`; a new order not attempted is
    /// `null`.
    public static func failure(cancel: Result<CanceledOrder, BinanceError>, newOrder: NewOrderOutcome,
                               responseType: NewOrderResponseType, market: MarketNames) -> BinanceError {
        let cancelSucceeded = if case .success = cancel { true } else { false }
        let newOrderSucceeded = if case .placed = newOrder { true } else { false }
        precondition(!(cancelSucceeded && newOrderSucceeded), "a cancelReplace that fully succeeded is no failure")
        var writer = JSONWriter(capacity: 1536)
        writer.beginObject()
        writer.field("cancelResult", cancelSucceeded ? "SUCCESS" : "FAILURE")
        writer.field("newOrderResult", resultName(newOrder))
        writer.key("cancelResponse")
        switch cancel {
        case .success(let canceled): CancelJSON.write(canceled, market: market, to: &writer)
        case .failure(let error): error.write(to: &writer)
        }
        writer.key("newOrderResponse")
        switch newOrder {
        case .placed(let placed): NewOrderJSON.write(placed, as: responseType, market: market, to: &writer)
        case .failed(let error): error.write(to: &writer)
        case .notAttempted: writer.null()
        }
        writer.endObject()
        let data = writer.finish()
        return cancelSucceeded || newOrderSucceeded
            ? .cancelReplacePartiallyFailed(data: data) : .cancelReplaceFailed(data: data)
    }

    private static func resultName(_ outcome: NewOrderOutcome) -> String {
        switch outcome {
        case .placed: "SUCCESS"
        case .failed: "FAILURE"
        case .notAttempted: "NOT_ATTEMPTED"
        }
    }
}
