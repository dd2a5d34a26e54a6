import SolventStore
import SolventWire

/// The optional second factor (TOTP, RFC 6238): set up, turned on by a first good code, turned
/// off by another, and `checkSecondFactor`, the one check every sensitive action makes
/// (sign-in when it is on, creating API keys from the page, withdrawals).
extension UserAccounts {
    /// What a login's TOTP secret is sealed for.
    static func secondFactorOwner(_ login: String) -> String { "totp:\(login)" }

    /// A new secret for `login`, kept sealed and not yet in force: (base 32, `otpauth://` URI).
    func setUpSecondFactor(login: String) throws(BinanceError) -> (secret: String, uri: String) {
        let secret = RandomText.bytes(TOTP.secretBytes)
        let sealed = try read { try masterKey.seal(secret, for: Self.secondFactorOwner(login)) }
        try change(login) { user throws(BinanceError) in
            guard !user.totpEnabled else { throw .secondFactorEnabled }
            user.totpSecret = sealed
            user.totpLastStep = 0
        }
        return (Base32.encode(secret), TOTP.uri(secret: secret, login: login))
    }

    /// Turns the set-up secret on once `code` shows the user's app has it.
    func enableSecondFactor(login: String, code: String, now: Int64) throws(BinanceError) {
        let user = try read { try store.user(login: login) }
        guard let user, user.totpSecret != nil else { throw .secondFactorNotSetUp }
        guard !user.totpEnabled else { throw .secondFactorEnabled }
        try accept(login: login, code: code, now: now)
        try change(login) { $0.totpEnabled = true }
    }

    /// Turns the second factor off; it takes a good code, like any sensitive action.
    func disableSecondFactor(login: String, code: String, now: Int64) throws(BinanceError) {
        try checkSecondFactor(login: login, code: code, now: now)
        try change(login) { user in
            user.totpEnabled = false
            user.totpSecret = nil
        }
    }

    /// The check sensitive actions make: the second factor is on (-9210), the login is not
    /// locked out (-9204), and `code` is good for now and not used before (-9209). A wrong
    /// code counts toward the lock-out like a wrong password.
    func checkSecondFactor(login: String, code: String?, now: Int64) throws(BinanceError) {
        guard let user = try read({ try store.user(login: login) }) else { throw .notSignedIn }
        guard user.totpEnabled else { throw .secondFactorNotEnabled }
        guard let code, !code.isEmpty else { throw .secondFactorRequired }
        try accept(login: login, code: code, now: now)
    }

    /// Accepts `code` for the user's secret (enabled or pending), recording its step so it
    /// cannot be used again; a bad or replayed code is a failed attempt.
    private func accept(login: String, code: String, now: Int64) throws(BinanceError) {
        var refusal: BinanceError?
        try change(login) { user throws(BinanceError) in
            guard user.lockedUntil <= now else { throw .lockedOut(until: user.lockedUntil, now: now) }
            guard let sealed = user.totpSecret else { throw .secondFactorNotSetUp }
            let secret = try read { try masterKey.open(sealed, for: Self.secondFactorOwner(login)) }
            guard let step = TOTP.matchingStep(code, secret: secret, now: now, after: user.totpLastStep) else {
                refusal = .wrongSecondFactor
                return
            }
            user.totpLastStep = step
            user.failedAttempts = 0
        }
        if let refusal { throw try failure(login, now: now, error: refusal) }
    }
}
