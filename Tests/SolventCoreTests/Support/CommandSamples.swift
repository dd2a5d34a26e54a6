@testable import SolventCore
import SolventTestSupport

/// Commands for the coding tests: every case with representative and extreme values, and a
/// deterministic generator of random ones.
enum CommandSamples {
    static let fullMarket = MarketSpec(
        symbol: "BTCUSDT", base: 0, quote: .max,
        filters: MarketFilters(
            price: PriceFilter(minPrice: .min, maxPrice: .max, tickSize: 1),
            lotSize: LotSizeFilter(minQuantity: 0, maxQuantity: .max, stepSize: -1),
            marketLotSize: LotSizeFilter(minQuantity: .min, maxQuantity: 5, stepSize: 1_000),
            notional: NotionalFilter(minNotional: 10, maxNotional: .max, applyMinToMarket: false,
                                     applyMaxToMarket: true, averagePriceMinutes: .min),
            isLegacyMinNotional: true,
            percentPriceBySide: PercentPriceBySideFilter(bidMultiplierUp: .max, bidMultiplierDown: .min,
                                                         askMultiplierUp: 0, askMultiplierDown: -1,
                                                         averagePriceMinutes: .max),
            maxNumOrders: .max, icebergPartsLimit: .min),
        status: .breakStatus, orderTypes: Set(OrderType.allCases), icebergAllowed: false,
        quoteOrderQtyMarketAllowed: true, cancelReplaceAllowed: false, amendAllowed: true,
        allowedSelfTradePreventionModes: Set(SelfTradePreventionMode.allCases),
        defaultSelfTradePreventionMode: .decrement)

    static let bareMarket = MarketSpec(
        symbol: "", base: 1, quote: 2,
        filters: MarketFilters(price: PriceFilter(minPrice: 0, maxPrice: 0, tickSize: 0),
                               lotSize: LotSizeFilter(minQuantity: 0, maxQuantity: 0, stepSize: 0)),
        orderTypes: [], allowedSelfTradePreventionModes: [], defaultSelfTradePreventionMode: .none)

    static let longestClientId = ClientOrderId(String(repeating: "x", count: 18) + "AZaz09.:/_-" + "1234567")!

    static let allNilOrder = NewOrder(account: 0, market: 0, side: .buy, type: .market)

    static let allSetOrder = NewOrder(
        account: .max, market: .max, side: .sell, type: .takeProfitLimit, timeInForce: .fok,
        quantity: .max, quoteOrderQuantity: .min, price: .min, stopPrice: .max, icebergQuantity: -1,
        clientOrderId: longestClientId, selfTradePreventionMode: .decrement,
        strategyId: .min, strategyType: .max)

    static let all: [Command] = {
        var commands: [Command] = [
            .listAsset(AssetSpec(name: "BTC", scale: 8)),
            .listAsset(AssetSpec(name: String(repeating: "Z", count: AssetSpec.nameLengthMax), scale: .max)),
            .listAsset(AssetSpec(name: "", scale: 0)),
            .listAsset(AssetSpec(name: "Ünï€😀", scale: 3)),
            .listMarket(fullMarket), .listMarket(bareMarket),
            .openAccount(nil), .openAccount(.standard),
            .openAccount(FeeSchedule(makerBasisPoints: .min, takerBasisPoints: .max)),
            .setFees(.max, nil), .setFees(0, FeeSchedule(makerBasisPoints: -1, takerBasisPoints: 0)),
            .setTradingEnabled(1, true), .setTradingEnabled(.max, false),
            .deposit(.max, .max, .max), .deposit(0, 0, .min),
            .requestWithdrawal(.max, 0, .min), .requestWithdrawal(3, .max, .max),
            .confirmWithdrawal(.min), .confirmWithdrawal(.max), .releaseWithdrawal(0), .releaseWithdrawal(-1),
            .placeOrder(allNilOrder), .placeOrder(allSetOrder),
            .cancelAllOrders(.max, .max), .cancelAllOrders(0, 0),
            .amendOrder(AmendOrder(account: 9, market: 8, order: .id(.max), newQuantity: .min)),
            .amendOrder(AmendOrder(account: .max, market: 0,
                                   order: OrderReference(orderId: .min, clientOrderId: longestClientId),
                                   newQuantity: .max)),
        ]
        commands += custody
        commands += MarketStatus.allCases.map { .setMarketStatus(.max, $0) }
        for side in Side.allCases {
            for type in OrderType.allCases {
                for (index, timeInForce) in TimeInForce.allCases.enumerated() {
                    let modes = SelfTradePreventionMode.allCases
                    commands.append(.placeOrder(NewOrder(
                        account: 5, market: 6, side: side, type: type, timeInForce: timeInForce,
                        quantity: 100, price: 7, clientOrderId: ClientOrderId("c\(index)")!,
                        selfTradePreventionMode: modes[(Int(type.rawValue) + index) % modes.count])))
                }
            }
        }
        let references: [OrderReference] = [
            .id(1), .client(longestClientId), OrderReference(orderId: 0, clientOrderId: ClientOrderId("a")!),
            OrderReference(),
        ]
        for restriction in CancelRestriction.allCases {
            for reference in references {
                commands.append(.cancelOrder(CancelOrder(account: 2, market: 3, order: reference,
                                                         cancelClientOrderId: longestClientId,
                                                         restriction: restriction)))
            }
        }
        for mode in CancelReplaceMode.allCases {
            let cancel = CancelOrder(account: .max, market: .max, order: .id(.max), restriction: .onlyNew)
            commands.append(.cancelReplace(CancelReplace(mode: mode, cancel: cancel, replacement: allSetOrder)))
            commands.append(.cancelReplace(CancelReplace(mode: mode, cancel: cancel, replacement: allNilOrder)))
        }
        return commands
    }()

    static let longestChainText = String(repeating: "f", count: CustodyText.chainLengthMax)
    static let longestNote = String(repeating: "€", count: CustodyText.noteLengthMax / 3)

    static let custody: [Command] = [
        .depositSeen(ChainDeposit(account: .max, asset: .max, amount: .max,
                                  outpoint: ChainOutpoint(txid: longestChainText, vout: .max), address: longestChainText)),
        .depositSeen(ChainDeposit(account: 0, asset: 0, amount: .min, outpoint: ChainOutpoint(txid: "", vout: 0), address: "")),
        .creditDeposit(.max), .creditDeposit(.min), .dropDeposit(0), .dropDeposit(-1),
        .setChainCursor(.max, ChainCursor(height: .min, blockHash: longestChainText)),
        .setChainCursor(0, ChainCursor(height: 0, blockHash: "")),
        .requestChainWithdrawal(WithdrawalRequest(account: .max, asset: .max, amount: .max, fee: .min,
                                                  address: longestChainText, clientId: longestChainText,
                                                  requiresApproval: true)),
        .requestChainWithdrawal(WithdrawalRequest(account: 0, asset: 0, amount: 0, fee: 0, address: "",
                                                  requiresApproval: false)),
        .approveWithdrawal(.max, OperatorAction(operatorName: longestNote, reason: longestNote, reference: longestNote)),
        .approveWithdrawal(.min, OperatorAction(operatorName: "", reason: "")),
        .rejectWithdrawal(1, OperatorAction(operatorName: "ops", reason: "address on a sanctions list", reference: "T-1")),
        .broadcastWithdrawal(.max, txid: longestChainText), .broadcastWithdrawal(0, txid: ""),
        .freezeAccount(.max, OperatorAction(operatorName: "ops", reason: "court order", reference: "case 12/2026")),
        .unfreezeAccount(0, OperatorAction(operatorName: "Ünï", reason: "😀")),
        .setWithdrawalLimits(.max, WithdrawalLimits(perAccount: .max, perAsset: .min), OperatorAction(operatorName: "o", reason: "r")),
        .addWithdrawalAddress(.max, WithdrawalAddress(asset: .max, address: longestChainText, tag: longestChainText, name: longestNote),
                              SecurityDelays(addressDelay: .max, withdrawalLock: .min)),
        .addWithdrawalAddress(0, WithdrawalAddress(asset: 0, address: "", name: ""), SecurityDelays(addressDelay: 0, withdrawalLock: 0)),
        .securityChanged(.max, lock: .min), .securityChanged(0, lock: 86_400_000),
        .setAllowListOnly(.max, true, OperatorAction(operatorName: "ops", reason: "user asked", reference: "T-2")),
        .setAllowListOnly(0, false, OperatorAction(operatorName: "", reason: "")),
        .publishEpoch(EpochPublication(epoch: .max, headerHash: SHA256.hash([1]),
                                       signedHeader: [UInt8](repeating: 0xFF, count: EpochPublication.signedHeaderBytesMax))),
        .publishEpoch(EpochPublication(epoch: 0, headerHash: SHA256.hash([]), signedHeader: [])),
        .setAccountJurisdiction(.max, Jurisdiction("US-NYC"), OperatorAction(operatorName: "ops", reason: "KYC", reference: "K-1")),
        .setAccountJurisdiction(0, nil, OperatorAction(operatorName: "", reason: "")),
        .setAccountJurisdiction(1, Jurisdiction(""), OperatorAction(operatorName: "o", reason: "r")),
        .setAssetRuling(AssetRuling(asset: .max, jurisdiction: Jurisdiction("€€"), standing: .blocked, effectiveAt: .max,
                                    action: OperatorAction(operatorName: longestNote, reason: longestNote, reference: longestNote))),
        .setAssetRuling(AssetRuling(asset: 0, jurisdiction: Jurisdiction("US"), standing: .sellAndWithdrawOnly, effectiveAt: .min,
                                    action: OperatorAction(operatorName: "ops", reason: "SEC v. X", reference: "23-cv-1"))),
        .enforceRulings,
        .recordAccessLogHead(AccessLogHead(index: .max, hash: SHA256.hash([2]))),
        .recordAccessLogHead(AccessLogHead(index: 0, hash: SHA256Digest(bytes: [UInt8](repeating: 0, count: 32))!)),
    ]

    static func randomAction(_ random: inout SplitMix64) -> OperatorAction {
        OperatorAction(operatorName: random.string(lengthMax: 40), reason: random.string(lengthMax: 40),
                       reference: random.string(lengthMax: 40))
    }

    /// A command with every field drawn at random, from every case.
    static func random(_ random: inout SplitMix64) -> Command {
        switch CommandTag.allCases[Int(random.next() % UInt64(CommandTag.allCases.count))] {
        case .listAsset: .listAsset(AssetSpec(name: random.string(lengthMax: 20), scale: random.integer()))
        case .listMarket: .listMarket(randomMarket(&random))
        case .setMarketStatus: .setMarketStatus(random.integer(), random.pick())
        case .openAccount: .openAccount(random.maybe { FeeSchedule(makerBasisPoints: $0.integer(), takerBasisPoints: $0.integer()) })
        case .setFees: .setFees(random.integer(), random.maybe { FeeSchedule(makerBasisPoints: $0.integer(), takerBasisPoints: $0.integer()) })
        case .setTradingEnabled: .setTradingEnabled(random.integer(), random.next() & 1 == 0)
        case .deposit: .deposit(random.integer(), random.integer(), random.integer())
        case .requestWithdrawal: .requestWithdrawal(random.integer(), random.integer(), random.integer())
        case .confirmWithdrawal: .confirmWithdrawal(random.integer())
        case .releaseWithdrawal: .releaseWithdrawal(random.integer())
        case .placeOrder: .placeOrder(randomOrder(&random))
        case .cancelOrder: .cancelOrder(randomCancel(&random))
        case .cancelAllOrders: .cancelAllOrders(random.integer(), random.integer())
        case .cancelReplace: .cancelReplace(CancelReplace(mode: random.pick(), cancel: randomCancel(&random),
                                                          replacement: randomOrder(&random)))
        case .amendOrder: .amendOrder(AmendOrder(account: random.integer(), market: random.integer(),
                                                 order: randomReference(&random), newQuantity: random.integer()))
        case .depositSeen:
            .depositSeen(ChainDeposit(account: random.integer(), asset: random.integer(), amount: random.integer(),
                                      outpoint: ChainOutpoint(txid: random.string(lengthMax: 64), vout: random.integer()),
                                      address: random.string(lengthMax: 64)))
        case .creditDeposit: .creditDeposit(random.integer())
        case .dropDeposit: .dropDeposit(random.integer())
        case .setChainCursor:
            .setChainCursor(random.integer(), ChainCursor(height: random.integer(), blockHash: random.string(lengthMax: 64)))
        case .requestChainWithdrawal:
            .requestChainWithdrawal(WithdrawalRequest(account: random.integer(), asset: random.integer(),
                                                      amount: random.integer(), fee: random.integer(),
                                                      address: random.string(lengthMax: 64),
                                                      clientId: random.string(lengthMax: 64),
                                                      requiresApproval: random.next() & 1 == 0))
        case .approveWithdrawal: .approveWithdrawal(random.integer(), randomAction(&random))
        case .rejectWithdrawal: .rejectWithdrawal(random.integer(), randomAction(&random))
        case .broadcastWithdrawal: .broadcastWithdrawal(random.integer(), txid: random.string(lengthMax: 64))
        case .freezeAccount: .freezeAccount(random.integer(), randomAction(&random))
        case .unfreezeAccount: .unfreezeAccount(random.integer(), randomAction(&random))
        case .setWithdrawalLimits:
            .setWithdrawalLimits(random.integer(), WithdrawalLimits(perAccount: random.integer(), perAsset: random.integer()),
                                 randomAction(&random))
        case .addWithdrawalAddress:
            .addWithdrawalAddress(random.integer(), WithdrawalAddress(asset: random.integer(), address: random.string(lengthMax: 64),
                                                                      tag: random.string(lengthMax: 20), name: random.string(lengthMax: 40)),
                                  SecurityDelays(addressDelay: random.integer(), withdrawalLock: random.integer()))
        case .securityChanged: .securityChanged(random.integer(), lock: random.integer())
        case .setAllowListOnly: .setAllowListOnly(random.integer(), random.next() % 2 == 0, randomAction(&random))
        case .setAccountJurisdiction:
            .setAccountJurisdiction(random.integer(), random.maybe { Jurisdiction($0.string(lengthMax: 6)) }, randomAction(&random))
        case .setAssetRuling:
            .setAssetRuling(AssetRuling(asset: random.integer(), jurisdiction: Jurisdiction(random.string(lengthMax: 6)),
                                        standing: random.pick(), effectiveAt: random.integer(), action: randomAction(&random)))
        case .enforceRulings: .enforceRulings
        case .publishEpoch:
            .publishEpoch(EpochPublication(epoch: random.integer(), headerHash: SHA256.hash([random.integer()]),
                                           signedHeader: (0..<Int(random.next() % 300)).map { _ in random.integer() }))
        case .recordAccessLogHead: .recordAccessLogHead(AccessLogHead(index: random.integer(), hash: SHA256.hash([random.integer()])))
        }
    }

    static func randomOrder(_ random: inout SplitMix64) -> NewOrder {
        NewOrder(account: random.integer(), market: random.integer(), side: random.pick(), type: random.pick(),
                 timeInForce: random.maybe { $0.pick() }, quantity: random.maybe { $0.integer() },
                 quoteOrderQuantity: random.maybe { $0.integer() }, price: random.maybe { $0.integer() },
                 stopPrice: random.maybe { $0.integer() }, icebergQuantity: random.maybe { $0.integer() },
                 clientOrderId: random.clientOrderId(), selfTradePreventionMode: random.maybe { $0.pick() },
                 strategyId: random.integer(), strategyType: random.integer())
    }

    static func randomReference(_ random: inout SplitMix64) -> OrderReference {
        OrderReference(orderId: random.maybe { $0.integer() }, clientOrderId: random.clientOrderId())
    }

    static func randomCancel(_ random: inout SplitMix64) -> CancelOrder {
        CancelOrder(account: random.integer(), market: random.integer(), order: randomReference(&random),
                    cancelClientOrderId: random.clientOrderId(), restriction: random.pick())
    }

    static func randomMarket(_ random: inout SplitMix64) -> MarketSpec {
        func lot(_ random: inout SplitMix64) -> LotSizeFilter {
            LotSizeFilter(minQuantity: random.integer(), maxQuantity: random.integer(), stepSize: random.integer())
        }
        let filters = MarketFilters(
            price: PriceFilter(minPrice: random.integer(), maxPrice: random.integer(), tickSize: random.integer()),
            lotSize: lot(&random), marketLotSize: random.maybe { lot(&$0) },
            notional: random.maybe {
                NotionalFilter(minNotional: $0.integer(), maxNotional: $0.integer(), applyMinToMarket: $0.next() & 1 == 0,
                               applyMaxToMarket: $0.next() & 1 == 0, averagePriceMinutes: $0.integer())
            },
            isLegacyMinNotional: random.next() & 1 == 0,
            percentPriceBySide: random.maybe {
                PercentPriceBySideFilter(bidMultiplierUp: $0.integer(), bidMultiplierDown: $0.integer(),
                                         askMultiplierUp: $0.integer(), askMultiplierDown: $0.integer(),
                                         averagePriceMinutes: $0.integer())
            },
            maxNumOrders: random.integer(), icebergPartsLimit: random.integer())
        return MarketSpec(symbol: random.string(lengthMax: 20), base: random.integer(), quote: random.integer(),
                          filters: filters, status: random.pick(),
                          orderTypes: Set(OrderType.allCases.filter { _ in random.next() & 1 == 0 }),
                          icebergAllowed: random.next() & 1 == 0, quoteOrderQtyMarketAllowed: random.next() & 1 == 0,
                          cancelReplaceAllowed: random.next() & 1 == 0, amendAllowed: random.next() & 1 == 0,
                          allowedSelfTradePreventionModes: Set(SelfTradePreventionMode.allCases.filter { _ in random.next() & 1 == 0 }),
                          defaultSelfTradePreventionMode: random.pick())
    }
}

/// Samplers for command fields, on the shared generator.
extension SplitMix64 {
    /// Any value of the type, with the extremes and zero over-represented.
    mutating func integer<Value: FixedWidthInteger>() -> Value {
        switch next() % 8 {
        case 0: .min
        case 1: .max
        case 2: 0
        default: Value(truncatingIfNeeded: next())
        }
    }

    mutating func pick<Value: CaseIterable>() -> Value where Value.AllCases == [Value] {
        Value.allCases[Int(next() % UInt64(Value.allCases.count))]
    }

    mutating func maybe<Value>(_ make: (inout SplitMix64) -> Value) -> Value? {
        next() & 1 == 0 ? nil : make(&self)
    }

    /// Up to `lengthMax` UTF-8 bytes, mixing one- to four-byte characters.
    mutating func string(lengthMax: Int) -> String {
        let alphabet: [Character] = ["A", "z", "0", " ", "é", "€", "😀"]
        var text = ""
        for _ in 0..<Int(next() % UInt64(lengthMax + 1)) {
            let character = alphabet[Int(next() % UInt64(alphabet.count))]
            if text.utf8.count + character.utf8.count > lengthMax { break }
            text.append(character)
        }
        return text
    }

    mutating func clientOrderId() -> ClientOrderId {
        let alphabet = Array("abcXYZ0189.:/_-".utf8)
        let length = Int(next() % UInt64(ClientOrderId.capacity + 1))
        let bytes = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
        return length == 0 ? .none : ClientOrderId(String(decoding: bytes, as: UTF8.self))!
    }
}
