import Crypto
import SolventWire
import Testing

@Suite("Ed25519 keys as PEM")
struct Ed25519PEMTests {
    /// A throwaway pair made by `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout`.
    static let opensslPrivatePEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIIn2DUIOeM1ExODitXKrsqIpTu41q0CwTBo1vMGQI3+m
        -----END PRIVATE KEY-----
        """
    static let opensslPublicPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAT2xkscu6OQKD3CpvIF1CDFIXaGoXPDNn8r34O1gSR3Y=
        -----END PUBLIC KEY-----
        """

    @Test func opensslDocumentsReadBackAsTheSamePair() throws {
        let seed = try #require(Ed25519PEM.privateKey(fromPEM: Self.opensslPrivatePEM))
        let publicKey = try #require(Ed25519PEM.publicKey(fromPEM: Self.opensslPublicPEM))
        #expect(Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).publicKey.rawRepresentation) == publicKey)
        #expect(Ed25519PEM.privateKeyPEM(raw: seed) == Self.opensslPrivatePEM + "\n")
        #expect(Ed25519PEM.publicKeyPEM(raw: publicKey) == Self.opensslPublicPEM + "\n")
    }

    @Test func credentialFromAnUploadedPublicKey() throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let raw = Array(privateKey.publicKey.rawRepresentation)
        let credential = try #require(APIKeyCredential.ed25519(publicKeyPEM: Ed25519PEM.publicKeyPEM(raw: raw)))
        #expect(credential == .ed25519(publicKey: raw))
        let payload = Array("timestamp=1".utf8)
        #expect(credential.verifies(signature: try privateKey.signature(for: payload).base64EncodedString(),
                                    payload: payload))
    }

    @Test func otherDocumentsAreNotEd25519Keys() {
        #expect(APIKeyCredential.ed25519(publicKeyPEM: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----") == nil)
        #expect(Ed25519PEM.publicKey(fromPEM: Self.opensslPrivatePEM) == nil)
        #expect(Ed25519PEM.privateKey(fromPEM: Self.opensslPublicPEM) == nil)
    }
}
