/// Why the engine refused a command, with the Binance code and message the API returns for it.
/// The order of the checks that produce these is written down once, in `OrderAdmission`.
public enum RejectReason: Hashable, Sendable {
    case unknownSymbol
    case unknownAccount
    case unknownAsset
    case unknownOrder
    case unknownWithdrawal
    case marketClosed
    case tradingDisabled
    case orderTypeNotSupported(OrderType)
    case icebergNotSupported
    case quoteOrderQtyNotSupported
    case cancelReplaceNotSupported
    case amendNotSupported
    case selfTradePreventionModeNotAllowed
    case unsupportedOrderComposition
    case invalidQuantity
    case invalidPrice
    case invalidAmount
    case amountTooLarge
    case filterFailure(FilterType)
    case zeroNotional
    case icebergExceedsQuantity
    case insufficientBalance
    case wouldMatchAndTake
    case wouldTriggerImmediately
    case duplicateOrder
    case cancelRestrictionsNotMet
    case insufficientLiquidity
    case invalidAmendQuantity
    case invalidMarketSpec
    case invalidAssetSpec
    case duplicateName
    case capacityExhausted
    // Custody.
    case unknownDeposit
    case duplicateDeposit
    case depositNotPending
    case depositAlreadyCredited
    case accountFrozen
    case accountNotFrozen
    case withdrawalNotAwaitingApproval
    case withdrawalNotApproved
    case withdrawalFeeNotCovered
    case invalidAddress
    case invalidChainReference
    case invalidOperatorAction
    case withdrawalLimitExceeded
    case addressNotAllowListed
    case withdrawalsLocked
    case addressAlreadyBooked
    case addressBookFull
    case invalidAddressTag
    case invalidAddressName
    // Jurisdictions.
    /// The rulings in force in the account's jurisdiction forbid the order.
    case assetRestricted(AssetStanding)
    case invalidJurisdiction
    case invalidRulingReference
    case invalidEffectiveTime
    // Proof of liabilities.
    case epochNotIncreasing
    case invalidEpochHeader
    // The auditors' access log.
    /// The head's index does not follow the latest journaled head's.
    case accessLogHeadNotIncreasing

    /// The Binance error code.
    public var code: Int32 {
        switch self {
        case .unknownSymbol: -1121
        case .unknownOrder: -2011
        case .unsupportedOrderComposition: -1014
        case .filterFailure, .invalidQuantity, .invalidPrice, .invalidAmount, .amountTooLarge,
             .selfTradePreventionModeNotAllowed, .invalidAmendQuantity:
            -1013
        case .invalidMarketSpec, .invalidAssetSpec, .duplicateName: -1130
        case .unknownAccount, .unknownAsset, .unknownWithdrawal, .capacityExhausted, .unknownDeposit,
             .duplicateDeposit, .depositNotPending, .depositAlreadyCredited, .accountNotFrozen,
             .withdrawalNotAwaitingApproval, .withdrawalNotApproved, .epochNotIncreasing,
             .accessLogHeadNotIncreasing:
            -1000
        case .accountFrozen: -1002
        case .withdrawalFeeNotCovered: -4028
        case .withdrawalLimitExceeded: -4023
        case .addressNotAllowListed: -4035
        case .withdrawalsLocked: -4015
        case .addressAlreadyBooked, .addressBookFull: -1000
        case .invalidAddressTag: -4008
        case .invalidAddressName: -1130
        case .invalidAddress: -4033
        // Binance's compliance code ("Compliance restricted account permission"), distinct from -2010.
        case .assetRestricted: -4401
        case .invalidJurisdiction, .invalidRulingReference, .invalidEffectiveTime: -1130
        case .invalidChainReference, .invalidOperatorAction, .invalidEpochHeader: -1130
        case .marketClosed, .tradingDisabled, .orderTypeNotSupported, .icebergNotSupported,
             .quoteOrderQtyNotSupported, .cancelReplaceNotSupported, .amendNotSupported, .zeroNotional,
             .icebergExceedsQuantity, .insufficientBalance, .wouldMatchAndTake, .wouldTriggerImmediately,
             .duplicateOrder, .cancelRestrictionsNotMet, .insufficientLiquidity:
            -2010
        }
    }

    /// The message; several are matched byte for byte by clients (spec §1.5), so never reword them.
    public var message: String {
        switch self {
        case .unknownSymbol: "Invalid symbol."
        case .unknownAccount: "Unknown account."
        case .unknownAsset: "Unknown asset."
        case .unknownOrder: "Unknown order sent."
        case .unknownWithdrawal: "Unknown withdrawal."
        case .marketClosed: "Market is closed."
        case .tradingDisabled: "This account may not place or cancel orders."
        case .orderTypeNotSupported(let type): Self.unsupportedTypeMessage(type)
        case .icebergNotSupported: "Iceberg orders are not supported for this symbol."
        case .quoteOrderQtyNotSupported: "Quote order qty market orders are not support for this symbol."
        case .cancelReplaceNotSupported: "Order cancel-replace is not supported for this symbol."
        case .amendNotSupported: "Order amend is not supported for this symbol."
        case .selfTradePreventionModeNotAllowed: "This symbol does not allow the requested selfTradePreventionMode."
        case .unsupportedOrderComposition: "Unsupported order combination."
        case .invalidQuantity: "Invalid quantity."
        case .invalidPrice: "Invalid price."
        case .invalidAmount: "Invalid amount."
        case .amountTooLarge: "Amount is too large."
        case .filterFailure(let filter): "Filter failure: \(filter.wireName)"
        case .zeroNotional: "Price * QTY is zero or less."
        case .icebergExceedsQuantity: "IcebergQty exceeds QTY."
        case .insufficientBalance: "Account has insufficient balance for requested action."
        case .wouldMatchAndTake: "Order would immediately match and take."
        case .wouldTriggerImmediately: "Order would trigger immediately."
        case .duplicateOrder: "Duplicate order sent."
        case .cancelRestrictionsNotMet: "Order was not canceled due to cancel restrictions."
        case .insufficientLiquidity: "Order book liquidity is less than LOT_SIZE filter minimum quantity."
        case .invalidAmendQuantity: "New quantity must be below the order quantity and above the executed quantity."
        case .invalidMarketSpec: "Data sent for parameter 'symbol' is not valid."
        case .invalidAssetSpec: "Data sent for parameter 'asset' is not valid."
        case .duplicateName: "Data sent for parameter 'name' is not valid."
        case .capacityExhausted: "Exchange capacity exhausted."
        case .unknownDeposit: "Unknown deposit."
        case .duplicateDeposit: "Deposit already recorded."
        case .depositNotPending: "Deposit is not pending."
        case .depositAlreadyCredited: "Deposit was already credited."
        case .accountFrozen: "You are not authorized to execute this request."
        case .accountNotFrozen: "Account is not frozen."
        case .withdrawalNotAwaitingApproval: "Withdrawal is not awaiting approval."
        case .withdrawalNotApproved: "Withdrawal is not approved."
        case .withdrawalFeeNotCovered: "The amount of withdrawal must be greater than the Commission."
        case .invalidAddress: "Illegal address."
        case .invalidChainReference: "Data sent for parameter 'txId' is not valid."
        case .invalidOperatorAction: "Data sent for parameter 'reason' is not valid."
        case .withdrawalLimitExceeded: "Within 24 hours, the withdrawal exceeds the maximum amount."
        case .addressNotAllowListed: "This address is not on the whitelist. Please join and try again."
        case .withdrawalsLocked: "Withdrawals are locked after a security change of the account."
        case .addressAlreadyBooked: "Address is already in the address book."
        case .addressBookFull: "The address book is full."
        case .invalidAddressTag: "Address tag validation is not passed."
        case .invalidAddressName: "Data sent for parameter 'name' is not valid."
        case .assetRestricted(.blocked):
            "Compliance restricted account permission: an asset of this symbol is blocked in the account's jurisdiction; withdraw only."
        case .assetRestricted:
            "Compliance restricted account permission: the asset is sell and withdraw only in the account's jurisdiction."
        case .invalidJurisdiction: "Data sent for parameter 'jurisdiction' is not valid."
        case .invalidRulingReference: "Data sent for parameter 'reference' is not valid."
        case .invalidEffectiveTime: "Data sent for parameter 'effectiveTime' is not valid."
        case .epochNotIncreasing: "Epoch number does not follow the latest published epoch."
        case .accessLogHeadNotIncreasing: "Access log index does not follow the latest journaled head."
        case .invalidEpochHeader: "Data sent for parameter 'header' is not valid."
        }
    }

    private static func unsupportedTypeMessage(_ type: OrderType) -> String {
        switch type {
        case .limit: "Limit orders are not supported for this symbol."
        case .market: "Market orders are not supported for this symbol."
        case .limitMaker: "Limit maker orders are not supported for this symbol."
        case .stopLoss: "Stop loss orders are not supported for this symbol."
        case .stopLossLimit: "Stop loss limit orders are not supported for this symbol."
        case .takeProfit: "Take profit orders are not supported for this symbol."
        case .takeProfitLimit: "Take profit limit orders are not supported for this symbol."
        }
    }
}
