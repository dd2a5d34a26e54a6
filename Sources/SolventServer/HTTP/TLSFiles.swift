import Foundation
import NIOSSL

/// TLS on the public listener (`ServerConfiguration.tls`): the PEM files of its certificate
/// chain (the server's certificate first) and private key. Without them the public listener
/// speaks plain HTTP, for a TLS-terminating proxy in front. The admin listener never does TLS:
/// it stays on loopback or a private network.
public struct TLSFiles: Sendable, Equatable {
    public var certificateChain: String
    public var privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// The listener's TLS configuration, or a one-line error naming the file that did not load:
    /// asked for TLS, the server refuses to start rather than serve without it.
    func serverConfiguration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(try Self.readable(certificateChain))
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError("tls: \(certificateChain) holds no PEM certificate chain (\(error))")
        }
        guard !chain.isEmpty else { throw ServerError("tls: \(certificateChain) holds no PEM certificate chain") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: try Self.readable(privateKey), format: .pem)
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError("tls: \(privateKey) holds no PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // BoringSSL checks here that the key is the certificate's.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerError("tls: the private key \(privateKey) does not match the certificate in \(certificateChain) (\(error))")
        }
        return configuration
    }

    private static func readable(_ path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ServerError("tls: cannot read \(path)") }
        return path
    }
}
