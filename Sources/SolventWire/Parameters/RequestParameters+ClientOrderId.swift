import SolventCore

extension RequestParameters {
    /// A client order id parameter (`newClientOrderId`, `origClientOrderId`, `cancelNewClientOrderId`,
    /// …) as the core's inline id; `nil` when absent. It must match `^[\.A-Z\:/a-z0-9_-]{1,36}$`
    /// (`-1100`). Sent empty, a new id is `-1118`, an original id `-1119` (Binance's dedicated
    /// codes), any other `-1105`.
    public func clientOrderId(_ name: String) throws(BinanceError) -> ClientOrderId? {
        guard let text = self[name] else { return nil }
        guard !text.isEmpty else { throw Self.emptyClientOrderIdError(name) }
        guard let id = ClientOrderId(text) else {
            throw .illegalCharacters(parameter: name, legalRange: LegalRange.clientOrderId)
        }
        return id
    }

    private static func emptyClientOrderIdError(_ name: String) -> BinanceError {
        switch name {
        case "newClientOrderId", "cancelNewClientOrderId": .emptyNewClientOrderId
        case "origClientOrderId", "cancelOrigClientOrderId": .emptyOriginalClientOrderId
        default: .emptyParameter(name)
        }
    }
}
