import SolventCore

/// The wallet API's errors (wallet spec §4); messages are Binance's, byte for byte.
extension BinanceError {
    public static let walletAssetUnknown = BinanceError(code: -4018, message: "We don't have this asset.")
    public static let walletWithdrawClosed = BinanceError(code: -4019, message: "Current asset is not open for withdrawal.")
    public static let walletInsufficientBalance = BinanceError(code: -4026, message: "You have insufficient balance.")
    public static let walletAmountNotAboveFee = BinanceError(
        code: -4028, message: "The amount of withdrawal must be greater than the Commission.")
    public static let walletIllegalAddress = BinanceError(code: -4033, message: "Illegal address.")
    public static let walletDepositClosed = BinanceError(code: -4019, message: "Current asset is not open for deposit.")
}

extension BinanceError {
    /// A security change of the account holds its withdrawals back until `until` (ms): said as
    /// UTC time and as ms, so a person and a program both know how long to wait.
    public static func walletWithdrawalsLocked(until: Timestamp) -> BinanceError {
        BinanceError(code: Int(RejectReason.withdrawalsLocked.code),
                     message: "\(RejectReason.withdrawalsLocked.message) They unlock at \(WalletJSON.utc(until)) UTC (\(until) ms).")
    }
}
