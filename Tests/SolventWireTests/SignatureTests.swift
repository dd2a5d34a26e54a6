import _CryptoExtras
import Crypto
import Foundation
import SolventWire
import Testing

@Suite("Signatures: the payload cut from the raw request, and the three key types")
struct SignatureTests {
    /// Binance's documented HMAC secret and vectors (spec §2.3).
    static let secret = Array("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j".utf8)
    static let vectorQuery = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
    static let vectorSignature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
    static let splitQuery = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
    static let splitBody = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
    static let splitSignature = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77"

    @Test func hmacVectorAllInTheQuery() throws {
        let signed = try #require(SignedRequest.payload(
            rawQuery: Self.vectorQuery + "&signature=" + Self.vectorSignature, rawBody: ""))
        #expect(signed.payload == Array(Self.vectorQuery.utf8))
        #expect(signed.signature == Self.vectorSignature)
        #expect(APIKeyCredential.hmac(secret: Self.secret).verifies(signature: signed.signature, payload: signed.payload))
    }

    @Test func hmacVectorSplitBetweenQueryAndBodyConcatenatesWithoutAmpersand() throws {
        let signed = try #require(SignedRequest.payload(
            rawQuery: Self.splitQuery, rawBody: Self.splitBody + "&signature=" + Self.splitSignature))
        #expect(text(signed.payload) == Self.splitQuery + Self.splitBody)
        #expect(APIKeyCredential.hmac(secret: Self.secret).verifies(signature: signed.signature, payload: signed.payload))
    }

    @Test func hmacComparesCaseInsensitivelyAndRejectsAnythingElse() {
        let key = APIKeyCredential.hmac(secret: Self.secret)
        let payload = Array(Self.vectorQuery.utf8)
        #expect(key.verifies(signature: Self.vectorSignature.uppercased(), payload: payload))
        #expect(!key.verifies(signature: String(Self.vectorSignature.dropLast()) + "0", payload: payload))
        #expect(!key.verifies(signature: String(Self.vectorSignature.dropLast(2)), payload: payload))
        #expect(!key.verifies(signature: "zz" + Self.vectorSignature.dropFirst(2), payload: payload))
        #expect(!key.verifies(signature: "", payload: payload))
        #expect(!key.verifies(signature: Self.vectorSignature, payload: payload + [UInt8(ascii: "&")]))
        #expect(!APIKeyCredential.hmac(secret: Array("other".utf8)).verifies(signature: Self.vectorSignature,
                                                                            payload: payload))
    }

    @Test func signatureAnywhereInThePartIsRemovedWithItsAmpersand() throws {
        let first = try #require(SignedRequest.payload(rawQuery: "signature=abc&a=1&b=2", rawBody: ""))
        #expect(text(first.payload) == "a=1&b=2")
        let middle = try #require(SignedRequest.payload(rawQuery: "a=1&signature=abc&b=2", rawBody: "c=3"))
        #expect(text(middle.payload) == "a=1&b=2c=3")
        let onlyBody = try #require(SignedRequest.payload(rawQuery: "", rawBody: "signature=abc"))
        #expect(onlyBody.payload.isEmpty)
        // A name that merely starts with "signature" is a parameter like any other.
        let lookalike = try #require(SignedRequest.payload(rawQuery: "signatureX=1&signature=ab", rawBody: ""))
        #expect(text(lookalike.payload) == "signatureX=1")
    }

    @Test func noSignatureMeansNoPayload() {
        #expect(SignedRequest.payload(rawQuery: "a=1", rawBody: "b=2") == nil)
        #expect(SignedRequest.payload(rawQuery: "a=1&signature=%4", rawBody: "") == nil)
    }

    @Test func payloadKeepsThePercentEncodingAsSent() throws {
        let signed = try #require(SignedRequest.payload(
            rawQuery: "symbols=%5B%22BTCUSDT%22%5D&timestamp=1&signature=ab", rawBody: ""))
        #expect(text(signed.payload) == "symbols=%5B%22BTCUSDT%22%5D&timestamp=1")
    }

    @Test func ed25519RoundTripWithPercentEncodedBase64() throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let credential = APIKeyCredential.ed25519(publicKey: Array(privateKey.publicKey.rawRepresentation))
        let query = "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.001&timestamp=1700000000000"
        let base64 = try privateKey.signature(for: Array(query.utf8)).base64EncodedString()
        let signed = try #require(SignedRequest.payload(rawQuery: query + "&signature=" + percentEncoded(base64),
                                                        rawBody: ""))
        #expect(signed.signature == base64)
        #expect(credential.verifies(signature: signed.signature, payload: signed.payload))
        #expect(!credential.verifies(signature: signed.signature, payload: signed.payload + [0x20]))
        #expect(!credential.verifies(signature: "not base64!", payload: signed.payload))
        let otherKey = APIKeyCredential.ed25519(publicKey: Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation))
        #expect(!otherKey.verifies(signature: signed.signature, payload: signed.payload))
    }

    @Test func rawPlusInBase64ArrivesAsSpaceAndIsRestored() throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let credential = APIKeyCredential.ed25519(publicKey: Array(privateKey.publicKey.rawRepresentation))
        // Find a payload whose signature has a '+', which a careless client leaves unescaped.
        for nonce in 0..<200 {
            let body = "symbol=BTCUSDT&timestamp=17000000\(nonce)"
            let base64 = try privateKey.signature(for: Array(body.utf8)).base64EncodedString()
            guard base64.contains("+") else { continue }
            let signed = try #require(SignedRequest.payload(rawQuery: "", rawBody: body + "&signature=" + base64))
            #expect(signed.signature == base64)
            #expect(credential.verifies(signature: signed.signature, payload: signed.payload))
            return
        }
        Issue.record("no signature with a '+' in 200 tries")
    }

    @Test func rsaPKCS1SHA256WithAGeneratedKey() throws {
        let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let credential = APIKeyCredential.rsa(publicKeyPEM: privateKey.publicKey.pemRepresentation)
        #expect(credential.isUsable)
        let body = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&timestamp=1499827319559"
        let base64 = try privateKey.signature(for: Array(body.utf8), padding: .insecurePKCS1v1_5)
            .rawRepresentation.base64EncodedString()
        let signed = try #require(SignedRequest.payload(rawQuery: "", rawBody: body + "&signature=" + percentEncoded(base64)))
        #expect(signed.signature == base64)
        #expect(credential.verifies(signature: signed.signature, payload: signed.payload))
        #expect(!credential.verifies(signature: signed.signature, payload: Array("symbol=ETHBTC".utf8)))
        let pss = try privateKey.signature(for: Array(body.utf8), padding: .PSS).rawRepresentation.base64EncodedString()
        #expect(!credential.verifies(signature: pss, payload: signed.payload))
        #expect(!APIKeyCredential.rsa(publicKeyPEM: "garbage").verifies(signature: base64, payload: signed.payload))
    }

    @Test func webSocketAPIVectorVerifiesOverItsSortedPayload() {
        let payload = "apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&price=52000.00"
            + "&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC"
            + "&timestamp=1645423376532&type=LIMIT"
        #expect(APIKeyCredential.hmac(secret: Self.secret).verifies(
            signature: "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24", payload: Array(payload.utf8)))
    }

    @Test func unusableKeysAreRecognised() throws {
        #expect(APIKeyCredential.hmac(secret: Self.secret).isUsable)
        #expect(!APIKeyCredential.hmac(secret: []).isUsable)
        #expect(APIKeyCredential.ed25519(publicKey: Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)).isUsable)
        #expect(!APIKeyCredential.ed25519(publicKey: [1, 2, 3]).isUsable)
        #expect(!APIKeyCredential.rsa(publicKeyPEM: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").isUsable)
    }

    /// Percent-encodes base64's `+`, `/` and `=`, as clients do for asymmetric signatures.
    private func percentEncoded(_ base64: String) -> String {
        var result = ""
        for character in base64 {
            switch character {
            case "+": result += "%2B"
            case "/": result += "%2F"
            case "=": result += "%3D"
            default: result.append(character)
            }
        }
        return result
    }

    /// swift-crypto 3.12 double-frees when its DER parser refuses an RSA key; malformed keys
    /// must be turned away before they reach it (this loop aborted the process before the fix).
    @Test func malformedRSAKeysAreRefusedWithoutReachingSwiftCrypto() throws {
        let good = try _RSA.Signing.PrivateKey(keySize: .bits2048).publicKey.pemRepresentation
        let body = good.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = Array(Data(base64Encoded: body)!)
            bytes[Int.random(in: 0..<40, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            let pem = "-----BEGIN PUBLIC KEY-----\n\(Data(bytes).base64EncodedString())\n-----END PUBLIC KEY-----\n"
            _ = APIKeyCredential.rsa(publicKeyPEM: pem).isUsable
            _ = APIKeyCredential.rsa(publicKeyPEM: pem).verifies(signature: "AAAA", payload: [1, 2, 3])
        }
        #expect(APIKeyCredential.rsa(publicKeyPEM: good).isUsable)
    }
}
