import SolventWire

/// The web page's sign-in refusals, in Binance's error shape, with Solvent's own codes (−92xx;
/// below −9000 no Binance code lives).
extension BinanceError {
    static let invalidLogin = BinanceError(
        code: -9200, message: "The login must be 3 to 64 characters: letters, digits and . _ - + @.")
    static let weakPassword = BinanceError(
        code: -9201, message: "The password must be \(UserAccounts.passwordLengthMin) to 256 characters long.")
    static let loginTaken = BinanceError(code: -9202, message: "This login is taken.")
    static let wrongCredentials = BinanceError(code: -9203, message: "Wrong login or password.", httpStatus: 401)

    static func lockedOut(until milliseconds: Int64, now: Int64) -> BinanceError {
        BinanceError(code: -9204, message: "Too many failed attempts: this login is locked until \(milliseconds).",
                     httpStatus: 403, retryAfterSeconds: Int(max(1, (milliseconds - now + 999) / 1_000)))
    }

    static func tooManySignInAttempts(limit: Int, retryAfterSeconds: Int) -> BinanceError {
        BinanceError(code: -9205, message: "Too many sign-in attempts; current limit is \(limit) per minute from one IP.",
                     httpStatus: 429, retryAfterSeconds: retryAfterSeconds)
    }

    static let notSignedIn = BinanceError(code: -9206, message: "Not signed in, or the session expired.", httpStatus: 401)
    static let badCSRFToken = BinanceError(
        code: -9207, message: "Missing or wrong CSRF token (header \(WebSessions.csrfHeader)).", httpStatus: 403)
    static let secondFactorRequired = BinanceError(
        code: -9208, message: "A two-factor code is required (totpCode).", httpStatus: 401)
    static let wrongSecondFactor = BinanceError(
        code: -9209, message: "Wrong or already used two-factor code.", httpStatus: 401)
    static let secondFactorNotEnabled = BinanceError(
        code: -9210, message: "Turn on two-factor authentication first.", httpStatus: 403)
    static let secondFactorEnabled = BinanceError(code: -9211, message: "Two-factor authentication is already on.")
    static let secondFactorNotSetUp = BinanceError(code: -9212, message: "Set two-factor authentication up first.")
}
