import SolventCore
import SolventWire

/// The account's withdrawal address book: `withdraw/apply` with `name` files the destination in it
/// (as on Binance), `capital/withdraw/address/list` shows it. Filing a new address is a security
/// change: the engine locks the account's withdrawals, and under allow-list-only the address is
/// usable only after the configured delay.
enum AddressBookEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.withdrawAddressList) { request throws(BinanceError) in
                let account = request.caller
                let book = try await context.gateway.read { $0.engine.withdrawalProtection(account).addressBook }
                let assets = WalletEndpoints.listed(context)
                let entries = book.compactMap { booked -> AddressBookJSON.Entry? in
                    let asset = Int(booked.address.asset)
                    guard asset < assets.count else { return nil }
                    let coin = assets[asset].spec.name
                    return AddressBookJSON.Entry(booked: booked, coin: coin, network: CustodySettings.network(of: coin))
                }
                return Reply(AddressBookJSON.render(entries, now: request.receivedAt))
            },
        ]
    }

    /// Files `address` in `account`'s book with the configured delays. One already booked (under
    /// any name) is left as it is, without a new lock: python-binance's async client names every
    /// withdrawal it sends.
    static func file(_ address: WithdrawalAddress, of account: AccountId,
                     _ context: ServerContext) async throws(BinanceError) {
        guard address.tag.isEmpty || CustodyText.isChainText(address.tag) else { throw BinanceError(.invalidAddressTag) }
        guard !address.name.isEmpty, address.name.utf8.count <= CustodyText.noteLengthMax else {
            throw BinanceError(.invalidAddressName)
        }
        let command = Command.addWithdrawalAddress(account, address, context.configuration.custody.securityDelays)
        guard command.isBinaryEncodable else { throw .walletIllegalAddress }
        let outcome = try await context.gateway.execute(command)
        for case .rejected(let rejection) in outcome.events where rejection.reason != .addressAlreadyBooked {
            throw BinanceError(rejection.reason)
        }
    }
}
