import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        #expect(try MasterKey(path: path).open(try key.seal([7])) == [7])
        for exposed: mode_t in [0o644, 0o640, 0o604, 0o660] {
            chmod(path, exposed)
            let error = #expect(throws: AuditFileError.self) { _ = try MasterKey(path: path) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("chmod 600"))
        }
        chmod(path, 0o400)
        #expect(try MasterKey(path: path).open(try key.seal([8])) == [8])
    }
}
