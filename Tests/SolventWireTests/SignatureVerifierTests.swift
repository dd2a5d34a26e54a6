import _CryptoExtras
import Crypto
import Foundation
import SolventWire
import Testing

@Suite("Prepared keys: the REST path's verifier answers as the credential does, over the payload in place")
struct SignatureVerifierTests {
    static let secret = SignatureTests.secret
    static let query = SignatureTests.vectorQuery
    static let signature = SignatureTests.vectorSignature

    private func verifies(_ credential: APIKeyCredential, query: String, body: String = "") -> Bool {
        guard let signed = SignedRequest.locate(rawQuery: query, rawBody: body) else { return false }
        return SignatureVerifier(credential).verifies(signed)
    }

    @Test func preparedHMACMatchesSwiftCryptoForEverySecretLength() {
        let payload = Array(Self.query.utf8)
        for length in [0, 1, 31, 63, 64, 65, 200] {
            let secret = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            let expected = HMAC<Crypto.SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: secret))
            let hex = Hex.encode(Array(expected))
            #expect(verifies(.hmac(secret: secret), query: Self.query + "&signature=" + hex), "secret of \(length) bytes")
            #expect(!verifies(.hmac(secret: secret + [1]), query: Self.query + "&signature=" + hex))
        }
    }

    @Test func signatureFirstMiddleOrLastVerifies() {
        let credential = APIKeyCredential.hmac(secret: Self.secret)
        let parts = Self.query.split(separator: "&").map(String.init)
        let pair = "signature=" + Self.signature
        #expect(verifies(credential, query: parts[0..<3].joined(separator: "&") + "&" + pair + "&"
                             + parts[3...].joined(separator: "&")))
        #expect(verifies(credential, query: Self.query + "&" + pair))
        #expect(verifies(credential, query: "", body: Self.query + "&" + pair))
        #expect(verifies(credential, query: "", body: pair + "&" + Self.query))
    }

    @Test func middleSignatureLeavesItsNeighboursJoinedByOneAmpersand() throws {
        let signed = try #require(SignedRequest.locate(rawQuery: "a=1&signature=abc&b=2", rawBody: "c=3"))
        #expect(text(signed.payload) == "a=1&b=2c=3")
        let mac = HMAC<Crypto.SHA256>.authenticationCode(for: Array("a=1&b=2c=3".utf8), using: SymmetricKey(data: Self.secret))
        let real = try #require(SignedRequest.locate(rawQuery: "a=1&signature=\(Hex.encode(Array(mac)))&b=2", rawBody: "c=3"))
        #expect(SignatureVerifier(.hmac(secret: Self.secret)).verifies(real))
    }

    @Test func splitBetweenQueryAndBodyAndTheQueryWins() {
        let credential = APIKeyCredential.hmac(secret: Self.secret)
        #expect(verifies(credential, query: SignatureTests.splitQuery,
                         body: SignatureTests.splitBody + "&signature=" + SignatureTests.splitSignature))
        // Both carry one: the query's is the signature, and the body's stays in the payload.
        #expect(!verifies(credential, query: SignatureTests.splitQuery + "&signature=" + SignatureTests.splitSignature,
                          body: SignatureTests.splitBody + "&signature=" + SignatureTests.splitSignature))
    }

    @Test func hexInEitherCaseOrPercentEncodedVerifies() {
        let credential = APIKeyCredential.hmac(secret: Self.secret)
        #expect(verifies(credential, query: Self.query + "&signature=" + Self.signature.uppercased()))
        let escaped = Self.signature.utf8.map { "%" + String($0, radix: 16, uppercase: true) }.joined()
        #expect(verifies(credential, query: Self.query + "&signature=" + escaped))
    }

    @Test func malformedSignaturesNeverVerify() {
        let credential = APIKeyCredential.hmac(secret: Self.secret)
        for bad in ["", "ab", String(Self.signature.dropLast()), String(Self.signature.dropLast()) + "g",
                    Self.signature + "00", "+" + Self.signature.dropFirst(), String(Self.signature.reversed())] {
            #expect(!verifies(credential, query: Self.query + "&signature=" + bad), "\(bad)")
        }
        #expect(SignedRequest.locate(rawQuery: Self.query + "&signature=%4", rawBody: "") == nil)
        #expect(SignedRequest.locate(rawQuery: Self.query, rawBody: "signatureX=1") == nil)
    }

    @Test func ed25519Base64WithPlusSlashAndEqualsVerifiesEscapedOrRaw() throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let credential = APIKeyCredential.ed25519(publicKey: Array(privateKey.publicKey.rawRepresentation))
        var seen = (plus: false, slash: false)
        for nonce in 0..<400 where !(seen.plus && seen.slash) {
            let body = "symbol=BTCUSDT&timestamp=17000000\(nonce)"
            let base64 = try privateKey.signature(for: Array(body.utf8)).base64EncodedString()
            #expect(base64.hasSuffix("="))
            let escaped = base64.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
                .replacingOccurrences(of: "=", with: "%3D")
            #expect(verifies(credential, query: "", body: body + "&signature=" + escaped))
            #expect(verifies(credential, query: "", body: body + "&signature=" + base64), "raw '+' arrives as a space")
            #expect(!verifies(credential, query: "", body: body + "0&signature=" + escaped))
            seen.plus = seen.plus || base64.contains("+")
            seen.slash = seen.slash || base64.contains("/")
        }
        #expect(seen.plus && seen.slash)
    }

    @Test func unusableKeysVerifyNothing() {
        #expect(!verifies(.ed25519(publicKey: [1, 2, 3]), query: Self.query + "&signature=AAAA"))
        #expect(!verifies(.rsa(publicKeyPEM: "garbage"), query: Self.query + "&signature=AAAA"))
    }
}
