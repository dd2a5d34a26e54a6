@testable import SolventServer
import Testing

/// RFC 6238's test vectors (appendix B, the SHA-1 column, secret "12345678901234567890") and
/// the rules Solvent adds: one step of drift either way, never a step twice.
struct TOTPTests {
    static let secret = Array("12345678901234567890".utf8)
    static let vectors: [(seconds: Int64, code: String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test func theRFCsEightDigitVectors() {
        for vector in Self.vectors {
            let step = TOTP.step(atMilliseconds: vector.seconds * 1_000)
            #expect(TOTP.code(secret: Self.secret, step: step, digits: 8) == vector.code, "T = \(vector.seconds)")
        }
    }

    @Test func sixDigitCodesAreTheVectorsLowDigitsAndMatchTheirStep() {
        for vector in Self.vectors {
            let now = vector.seconds * 1_000
            let code = String(vector.code.suffix(6))
            #expect(TOTP.code(secret: Self.secret, step: TOTP.step(atMilliseconds: now)) == code)
            #expect(TOTP.matchingStep(code, secret: Self.secret, now: now, after: 0) == TOTP.step(atMilliseconds: now))
        }
    }

    @Test func oneStepOfDriftIsAcceptedTwoAreNot() {
        let now: Int64 = 1_111_111_111_000
        let step = TOTP.step(atMilliseconds: now)
        for drift in [-1, 1] as [Int64] {
            let code = TOTP.code(secret: Self.secret, step: step + drift)
            #expect(TOTP.matchingStep(code, secret: Self.secret, now: now, after: 0) == step + drift)
        }
        for drift in [-2, 2] as [Int64] {
            #expect(TOTP.matchingStep(TOTP.code(secret: Self.secret, step: step + drift), secret: Self.secret, now: now,
                                      after: 0) == nil)
        }
    }

    @Test func aStepAlreadyUsedIsAReplayAndMalformedCodesMatchNothing() {
        let now: Int64 = 1_234_567_890_000
        let step = TOTP.step(atMilliseconds: now)
        let code = TOTP.code(secret: Self.secret, step: step)
        #expect(TOTP.matchingStep(code, secret: Self.secret, now: now, after: step) == nil)
        #expect(TOTP.matchingStep(code, secret: Self.secret, now: now, after: step - 1) == step)
        for bad in ["", "12345", "1234567", "12a456", " 005924"] {
            #expect(TOTP.matchingStep(bad, secret: Self.secret, now: now, after: 0) == nil, "\(bad)")
        }
        #expect(TOTP.matchingStep("005925", secret: Self.secret, now: now, after: 0) == nil)
    }

    @Test func base32IsRFC4648sAndTheURINamesTheParameters() {
        // RFC 4648 §10, padding dropped.
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB",
                       "foobar": "MZXW6YTBOI"]
        for (text, encoded) in vectors { #expect(Base32.encode(Array(text.utf8)) == encoded) }
        #expect(Base32.encode(Self.secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        let uri = TOTP.uri(secret: Self.secret, login: "alice@example.com")
        #expect(uri == "otpauth://totp/Solvent%3Aalice@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Solvent&algorithm=SHA1&digits=6&period=30")
    }
}

/// PBKDF2-HMAC-SHA256 with a per-user salt; the cost is in the stored text.
struct PasswordHashTests {
    @Test func aHashVerifiesItsPasswordOnlyAndStatesItsCost() throws {
        let first = try PasswordHash.make("correct horse", rounds: PasswordHash.roundsMin)
        let second = try PasswordHash.make("correct horse", rounds: PasswordHash.roundsMin)
        #expect(first.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(first != second, "each hash has its own salt")
        #expect(PasswordHash.verify("correct horse", against: first))
        #expect(PasswordHash.verify("correct horse", against: second))
        #expect(!PasswordHash.verify("correct horsf", against: first))
        #expect(!PasswordHash.verify("", against: first))
    }

    @Test func aTamperedOrCheapenedHashVerifiesNothing() throws {
        let stored = try PasswordHash.make("correct horse", rounds: PasswordHash.roundsMin)
        var parts = stored.split(separator: "$").map(String.init)
        parts[1] = "1000"
        #expect(!PasswordHash.verify("correct horse", against: parts.joined(separator: "$")), "below the floor")
        parts[1] = "210001"
        #expect(!PasswordHash.verify("correct horse", against: parts.joined(separator: "$")), "another cost")
        for broken in ["", "pbkdf2-sha256$210000$", "md5$210000$c2FsdA==$aGFzaA==", stored + "$x"] {
            #expect(!PasswordHash.verify("correct horse", against: broken))
        }
        #expect(throws: (any Error).self) { try PasswordHash.make("x", rounds: 1_000) }
    }
}
