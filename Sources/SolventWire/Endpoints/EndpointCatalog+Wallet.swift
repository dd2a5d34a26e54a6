/// Binance's wallet API under `/sapi/v1` (wallet spec §2): what ccxt and python-binance call to
/// deposit and withdraw. Weights are Binance's.
extension EndpointCatalog {
    public static let wallet: [EndpointDeclaration] = [
        .systemStatus, .accountStatus, .coinConfiguration, .depositAddress, .depositHistory, .withdrawApply,
        .withdrawHistory, .withdrawAddressList, .apiRestrictions, .assetDetail, .tradeFee,
    ]
}

extension EndpointDeclaration {
    public static let systemStatus = EndpointDeclaration("GET", "/sapi/v1/system/status", .none, weight: 1)
    public static let accountStatus = EndpointDeclaration("GET", "/sapi/v1/account/status", .userData, weight: 1)
    public static let coinConfiguration = EndpointDeclaration("GET", "/sapi/v1/capital/config/getall", .userData, weight: 10)
    public static let depositAddress = EndpointDeclaration("GET", "/sapi/v1/capital/deposit/address", .userData, weight: 10)
    public static let depositHistory = EndpointDeclaration("GET", "/sapi/v1/capital/deposit/hisrec", .userData, weight: 1)
    public static let withdrawApply = EndpointDeclaration("POST", "/sapi/v1/capital/withdraw/apply", .withdraw, weight: 900)
    public static let apiRestrictions = EndpointDeclaration("GET", "/sapi/v1/account/apiRestrictions", .userData, weight: 1)
    public static let assetDetail = EndpointDeclaration("GET", "/sapi/v1/asset/assetDetail", .userData, weight: 1)
    public static let tradeFee = EndpointDeclaration("GET", "/sapi/v1/asset/tradeFee", .userData, weight: 1)
    public static let withdrawHistory = EndpointDeclaration("GET", "/sapi/v1/capital/withdraw/history", .userData,
                                                            weight: 18_000)
    /// The account's withdrawal address book, which `withdraw/apply` with `name` fills.
    public static let withdrawAddressList = EndpointDeclaration("GET", "/sapi/v1/capital/withdraw/address/list", .userData,
                                                                weight: 10)
}

/// The operator's custody commands (admin listener, admin token): withdrawals awaiting approval and
/// the decision on them, account freezes, allow-list-only withdrawals, the hot wallets' state. Each names the operator and
/// the reason.
extension EndpointCatalog {
    public static let custodyAdmin: [EndpointDeclaration] = [
        .pendingWithdrawals, .approveWithdrawal, .rejectWithdrawal, .freezeAccount, .unfreezeAccount,
        .setWithdrawalLimits, .setAllowListOnly, .custodyStatus,
    ]
}

extension EndpointDeclaration {
    public static let pendingWithdrawals = EndpointDeclaration("GET", "/admin/v1/withdrawals", .admin, weight: 1)
    public static let approveWithdrawal = EndpointDeclaration("POST", "/admin/v1/withdrawal/approve", .admin, weight: 1)
    public static let rejectWithdrawal = EndpointDeclaration("POST", "/admin/v1/withdrawal/reject", .admin, weight: 1)
    public static let freezeAccount = EndpointDeclaration("POST", "/admin/v1/account/freeze", .admin, weight: 1)
    public static let unfreezeAccount = EndpointDeclaration("POST", "/admin/v1/account/unfreeze", .admin, weight: 1)
    public static let setWithdrawalLimits = EndpointDeclaration("POST", "/admin/v1/withdrawal/limits", .admin, weight: 1)
    public static let setAllowListOnly = EndpointDeclaration("POST", "/admin/v1/account/allowListOnly", .admin, weight: 1)
    /// Each hot wallet against its floor and ceiling, and the withdrawals waiting for it.
    public static let custodyStatus = EndpointDeclaration("GET", "/admin/v1/custody", .admin, weight: 1)
}
