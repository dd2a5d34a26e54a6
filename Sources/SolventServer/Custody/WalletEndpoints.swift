import SolventCore
import SolventCustody
import SolventWire

/// Binance's wallet API (wallet spec §2) over custody: coins and their network, deposit
/// addresses and history, withdrawals and their history. An asset no chain carries shows with
/// deposits and withdrawals off.
enum WalletEndpoints {
    static func all(_ context: ServerContext, users: UserAccounts) -> [Endpoint] {
        [
            Endpoint(.systemStatus) { _ throws(BinanceError) in Reply(WalletJSON.systemStatus()) },
            Endpoint(.accountStatus) { request throws(BinanceError) in
                let account = request.caller
                let frozen = try await context.gateway.read { $0.engine.ledger.accounts[Int(account)].frozen }
                return Reply(WalletJSON.accountStatus(frozen: frozen))
            },
            Endpoint(.coinConfiguration) { request throws(BinanceError) in try await coins(request, context) },
            Endpoint(.depositAddress) { request throws(BinanceError) in try await depositAddress(request, context) },
            Endpoint(.depositHistory) { request throws(BinanceError) in try await deposits(request, context) },
            Endpoint(.withdrawApply) { request throws(BinanceError) in try await withdraw(request, context, users) },
            Endpoint(.withdrawHistory) { request throws(BinanceError) in
                try await WithdrawalHistory.reply(request, context)
            },
        ]
    }

    /// Every listed asset, by id.
    static func listed(_ context: ServerContext) -> [(id: AssetId, spec: AssetSpec)] {
        context.catalog.snapshot.assets.enumerated().map { (AssetId($0.offset), $0.element) }
    }

    /// The asset `coin` names (-4018 when none).
    static func asset(_ coin: String, _ context: ServerContext) throws(BinanceError) -> (id: AssetId, spec: AssetSpec) {
        guard let found = listed(context).first(where: { $0.spec.name == coin }) else { throw .walletAssetUnknown }
        return found
    }

    private static func coins(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let account = request.caller
        let assets = listed(context)
        let balances = try await context.gateway.read { exchange in assets.map { exchange.balance(of: account, $0.id) } }
        let settings = context.configuration.custody
        let coins = zip(assets, balances).map { asset, balance in
            WalletJSON.Coin(asset: asset.spec, network: CustodySettings.network(of: asset.spec.name), balance: balance,
                            enabled: context.custody?.custodian(asset.id, spec: asset.spec) != nil,
                            withdrawFee: settings.withdrawalFees[asset.spec.name] ?? 0,
                            confirmations: settings.confirmationsRequired)
        }
        return Reply(WalletJSON.coins(coins))
    }

    private static func depositAddress(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let asset = try asset(try request.parameters.required("coin"), context)
        guard let custodian = context.custody?.custodian(asset.id, spec: asset.spec) else { throw .walletDepositClosed }
        do {
            return Reply(WalletJSON.depositAddress(try await custodian.depositAddress(for: request.caller), coin: asset.spec.name))
        } catch {
            throw .unknown("the chain did not answer: \(error)")
        }
    }

    private static func deposits(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let coin = try parameters["coin"].map { (name: String) throws(BinanceError) in try asset(name, context) }
        let status = try parameters.int64("status")
        let (startTime, endTime) = (try parameters.int64("startTime"), try parameters.int64("endTime"))
        let limit = try parameters.limit(default: 1_000, max: 1_000)
        let account = request.caller
        let records = try await context.gateway.read { exchange in
            exchange.engine.chainDeposits.filter { $0.value.deposit.account == account && $0.value.state != .dropped }
        }
        let required = context.configuration.custody.confirmationsRequired
        let assets = listed(context)
        let transfers = records.compactMap { id, record -> WalletJSON.Transfer? in
            let deposit = record.deposit
            guard coin == nil || coin?.id == deposit.asset, Int(deposit.asset) < assets.count else { return nil }
            let credited = record.state == .credited
            return WalletJSON.Transfer(id: id, asset: assets[Int(deposit.asset)].spec,
                                       network: CustodySettings.network(of: assets[Int(deposit.asset)].spec.name),
                                       amount: deposit.amount, status: credited ? 1 : 0, address: deposit.address,
                                       txid: deposit.outpoint.txid, time: record.seenAt,
                                       completeTime: credited ? record.creditedAt : nil,
                                       confirmations: "\(credited ? required : 0)/\(required)")
        }.filter { transfer in
            (status == nil || transfer.status == status) && (startTime.map { transfer.time >= $0 } ?? true)
                && (endTime.map { transfer.time <= $0 } ?? true)
        }.sorted { ($0.time, $0.id) > ($1.time, $1.id) }
        return Reply(WalletJSON.deposits(Array(transfers.prefix(limit))))
    }

    /// From a key with the withdraw permission, or from the page signed in with a good
    /// second-factor code (the session alone never moves money off the exchange). With `name`
    /// the address is filed in the account's address book first.
    private static func withdraw(_ request: APIRequest, _ context: ServerContext,
                                 _ users: UserAccounts) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        if let session = request.session {
            try users.checkSecondFactor(login: session.login, code: parameters["totpCode"], now: request.receivedAt)
        }
        let asset = try asset(try parameters.required("coin"), context)
        let address = try parameters.required("address")
        let amount = try parameters.requiredDecimal("amount", scale: asset.spec.scale)
        let network = CustodySettings.network(of: asset.spec.name)
        guard context.custody?.custodian(asset.id, spec: asset.spec) != nil,
              parameters["network"].map({ $0 == network }) ?? true else { throw .walletWithdrawClosed }
        let settings = context.configuration.custody
        let fee = settings.withdrawalFees[asset.spec.name] ?? 0
        guard amount > fee else { throw .walletAmountNotAboveFee }
        let clientId = parameters["withdrawOrderId"] ?? ""
        let account = request.caller
        let withdrawal = WithdrawalRequest(account: account, asset: asset.id, amount: amount, fee: fee,
                                           address: address, clientId: clientId,
                                           requiresApproval: settings.approvalThresholds[asset.spec.name].map { amount > $0 } ?? false)
        guard Command.requestChainWithdrawal(withdrawal).isBinaryEncodable else { throw .walletIllegalAddress }
        // Filed first: a new address is a security change whose lock holds this withdrawal too.
        if let name = parameters["name"] {
            let booked = WithdrawalAddress(asset: asset.id, address: address, tag: parameters["addressTag"] ?? "", name: name)
            try await AddressBookEndpoints.file(booked, of: account, context)
        }
        let outcome = try await context.gateway.execute(.requestChainWithdrawal(withdrawal))
        for event in outcome.events {
            switch event {
            case .rejected(let rejection) where rejection.reason == .withdrawalsLocked:
                throw try await context.withdrawalsLockedError(of: account)
            case .rejected(let rejection): throw walletError(rejection.reason)
            case .ledger(let entry) where entry.kind == .withdrawalRequested:
                return Reply(WalletJSON.withdrawalId(entry.withdrawal))
            default: continue
            }
        }
        throw .unknown()
    }

    /// The wallet API's codes for what the engine refused.
    private static func walletError(_ reason: RejectReason) -> BinanceError {
        switch reason {
        case .insufficientBalance: .walletInsufficientBalance
        case .withdrawalFeeNotCovered: .walletAmountNotAboveFee
        case .invalidAddress, .invalidChainReference: .walletIllegalAddress
        default: BinanceError(reason)
        }
    }
}
