import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import Testing
@testable import SolventAudit
@testable import SolventServer

/// Secrets at rest: created 0600 from the first byte, never overwritten, refused once others may
/// read them.
@Suite struct SecretFileTests {
    static func path() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("solvent-secret-\(UUID())").path
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o777
    }

    @Test func aSecretIsCreatedPrivateAndNotOverwritten() throws {
        let path = Self.path()
        defer { unlink(path) }
        try SecretFile.create(path, contents: [1, 2, 3])
        #expect(Self.mode(path) == 0o600)
        #expect(try SecretFile.read(path) == Data([1, 2, 3]))
        #expect(throws: AuditFileError.self) { try SecretFile.create(path, contents: [9]) }
        #expect(try SecretFile.read(path) == Data([1, 2, 3]))
        #expect(try SecretFile.read(path + "-none") == nil)
    }

    @Test func aSecretOthersMayReadIsRefusedNamingTheFix() throws {
        let path = Self.path()
        defer { unlink(path) }
        let key = try MasterKey(path: path)
        #expect(Self.mode(path) == 0o600)
        #expect(try MasterKey(path: path).open(try key.seal([7], for: "a"), for: "a") == [7])
        for exposed: mode_t in [0o644, 0o640, 0o604, 0o660] {
            chmod(path, exposed)
            let error = #expect(throws: AuditFileError.self) { _ = try MasterKey(path: path) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("chmod 600"))
        }
        chmod(path, 0o400)
        #expect(try MasterKey(path: path).open(try key.seal([8], for: "a"), for: "a") == [8])
    }

    /// A sealed secret opens only for the owner it was sealed for: copied into another key's
    /// row, or its row given to another account, it does not open.
    @Test func aSealedSecretOpensOnlyForItsOwner() throws {
        let path = Self.path()
        defer { unlink(path) }
        let key = try MasterKey(path: path)
        let alice = KeyAdministration.owner(ofKey: "k1", account: 1)
        let sealed = try key.seal(Array("secret".utf8), for: alice)
        #expect(try key.open(sealed, for: alice) == Array("secret".utf8))
        #expect(throws: AuditFileError.self) { try key.open(sealed, for: KeyAdministration.owner(ofKey: "k2", account: 1)) }
        #expect(throws: AuditFileError.self) { try key.open(sealed, for: KeyAdministration.owner(ofKey: "k1", account: 2)) }
    }

    /// The master key lives beside the data directory, so one copy of the directory never holds
    /// both the sealed secrets and their key; one left inside by an older version stops the
    /// server with the fix named, unless the operator names that file.
    @Test func theMasterKeyLivesBesideTheDataDirectoryAndIsRefusedInside() async throws {
        let server = try await TestServer.start()
        let directory = server.directory
        await server.stop()
        #expect(try DataDirectory(directory).masterKey == server.root + "/data.master.key")

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-key-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try SecretFile.create(data + "/master.key", contents: Array(repeating: 7, count: 32))
        let refused = #expect(throws: AuditFileError.self) { _ = try DataDirectory(data).masterKey }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("move it to \(root)/data.master.key"))
        var configuration = ServerConfiguration(dataDirectory: data)
        configuration.port = 0
        await #expect(throws: AuditFileError.self) {
            try await SolventApplication.run(configuration, logger: Logger(label: "test")) { _ in }
        }
        #expect(try DataDirectory(data, masterKeyPath: data + "/master.key").masterKey == data + "/master.key")
        #expect(!FileManager.default.fileExists(atPath: root + "/data.master.key"), "nothing was created beside it")
    }
}
