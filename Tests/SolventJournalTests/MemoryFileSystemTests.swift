import Glibc
import Testing
@testable import SolventJournal

/// The memory disk must lose exactly what a real one may lose, or the crash tests prove nothing.
struct MemoryFileSystemTests {
    static let directory = "/disk"

    static func disk() -> MemoryFileSystem {
        let disk = MemoryFileSystem()
        try! disk.makeDirectory(directory)
        return disk
    }

    @Test func writtenBytesSurviveACrashOnlyOnceSynced() throws {
        let disk = Self.disk()
        let file = try disk.create("/disk/a", exclusive: true)
        try disk.syncDirectory(Self.directory)
        try disk.writeAll(file, [1, 2, 3], path: "/disk/a")
        #expect(disk.bytes(of: "/disk/a") == [1, 2, 3])
        #expect(disk.crash().bytes(of: "/disk/a") == [])
        try disk.sync(file)
        try disk.writeAll(file, [4], path: "/disk/a")
        #expect(disk.crash().bytes(of: "/disk/a") == [1, 2, 3])
    }

    @Test func createdRenamedAndRemovedEntriesRevertUnlessTheDirectoryIsSynced() throws {
        let disk = Self.disk()
        let file = try disk.create("/disk/a.tmp", exclusive: true)
        try disk.writeAll(file, [9], path: "/disk/a.tmp")
        try disk.sync(file)
        #expect(disk.crash().names(in: Self.directory) == [])
        try disk.syncDirectory(Self.directory)
        try disk.rename("/disk/a.tmp", to: "/disk/a")
        #expect(disk.names(in: Self.directory) == ["a"])
        #expect(disk.crash().names(in: Self.directory) == ["a.tmp"])
        try disk.syncDirectory(Self.directory)
        try disk.remove("/disk/a")
        #expect(disk.crash().bytes(of: "/disk/a") == [9])
        try disk.syncDirectory(Self.directory)
        #expect(disk.crash().names(in: Self.directory) == [])
    }

    @Test func aTornCrashKeepsSomePrefixOfTheUnsyncedAppend() throws {
        var lengths: Set<Int> = []
        for seed in 0..<40 {
            let disk = MemoryFileSystem(seed: UInt64(seed))
            try disk.makeDirectory(Self.directory)
            let file = try disk.create("/disk/a", exclusive: true)
            try disk.syncDirectory(Self.directory)
            try disk.writeAll(file, [1, 2], path: "/disk/a")
            try disk.sync(file)
            try disk.writeAll(file, [3, 4, 5, 6], path: "/disk/a")
            let survivor = try #require(disk.crash(keepingTornWrites: true).bytes(of: "/disk/a"))
            #expect(survivor == Array([1, 2, 3, 4, 5, 6].prefix(survivor.count)) && survivor.count >= 2)
            lengths.insert(survivor.count)
        }
        #expect(lengths.count > 2, "the torn length should vary with the seed")
    }

    @Test func scriptedFaultsHitTheNthMatchingOperationOnly() throws {
        let disk = Self.disk()
        disk.inject([.shortWrite(nth: 1), .failWrite(nth: 3), .failSync(nth: 2, persisted: false)], onPathsContaining: "log")
        let other = try disk.create("/disk/other", exclusive: true)
        try disk.writeAll(other, [1, 1, 1], path: "/disk/other")  // not counted: path does not match
        try disk.sync(other)
        let file = try disk.create("/disk/x.log", exclusive: true)
        let short = try [UInt8](repeating: 7, count: 10).withUnsafeBytes { try disk.write(file, $0) }
        #expect(short > 0 && short < 10)
        #expect(try [UInt8]([1]).withUnsafeBytes { try disk.write(file, $0) } == 1)
        #expect(throws: FileSystemError.self) { try [UInt8]([2]).withUnsafeBytes { try disk.write(file, $0) } }
        #expect(disk.bytes(of: "/disk/x.log")?.count == short + 1)
        try disk.sync(file)
        #expect(throws: FileSystemError("fdatasync", "/disk/x.log", code: EIO)) { try disk.sync(file) }
        #expect(throws: FileSystemError.self) { try disk.sync(file) }  // lost data is never reported synced
        #expect(disk.firedFaults == [.shortWrite(nth: 1), .failWrite(nth: 3), .failSync(nth: 2, persisted: false)])
    }

    @Test func aFailedSyncEitherPersistsOrLosesTheBytes() throws {
        for persisted in [true, false] {
            let disk = Self.disk()
            let file = try disk.create("/disk/j", exclusive: true)
            try disk.syncDirectory(Self.directory)
            disk.inject([.failSync(nth: 1, persisted: persisted)], onPathsContaining: "")
            try disk.writeAll(file, [5, 6], path: "/disk/j")
            #expect(throws: FileSystemError.self) { try disk.sync(file) }
            #expect(disk.crash(keepingTornWrites: true).bytes(of: "/disk/j") == (persisted ? [5, 6] : []))
        }
    }

    @Test func reservedSpaceReadsAsZerosAndIsDurableOnlyOnceSynced() throws {
        let disk = Self.disk()
        let file = try disk.create("/disk/r", exclusive: true)
        try disk.syncDirectory(Self.directory)
        try disk.writeAll(file, [1, 2], path: "/disk/r")
        #expect(try disk.reserve(file, length: 6))
        #expect(disk.bytes(of: "/disk/r") == [1, 2, 0, 0, 0, 0])
        #expect(disk.crash().bytes(of: "/disk/r") == [])
        try disk.sync(file)
        #expect(disk.crash().bytes(of: "/disk/r") == [1, 2, 0, 0, 0, 0])
        #expect(try disk.reserve(file, length: 3) && disk.bytes(of: "/disk/r")?.count == 6, "a reserve never shrinks")
        try disk.writeAll(file, [3, 4], at: 2, path: "/disk/r")
        #expect(disk.bytes(of: "/disk/r") == [1, 2, 3, 4, 0, 0])
        #expect(disk.crash().bytes(of: "/disk/r") == [1, 2, 0, 0, 0, 0])
    }

    @Test func aTornCrashKeepsSomePrefixOfTheUnsyncedWritesIntoAReserve() throws {
        var survivors: Set<[UInt8]> = []
        for seed in 0..<40 {
            let disk = MemoryFileSystem(seed: UInt64(seed))
            try disk.makeDirectory(Self.directory)
            let file = try disk.create("/disk/r", exclusive: true)
            try disk.syncDirectory(Self.directory)
            try disk.writeAll(file, [1, 2], at: 0, path: "/disk/r")
            _ = try disk.reserve(file, length: 5)
            try disk.sync(file)
            _ = try disk.reserve(file, length: 8)
            try disk.writeAll(file, [3, 4, 5, 6], at: 2, path: "/disk/r")
            let survivor = try #require(disk.crash(keepingTornWrites: true).bytes(of: "/disk/r"))
            // The synced reserve stays; written bytes survive as a prefix, zeros after them.
            let written: [UInt8] = [1, 2, 3, 4, 5, 6, 0, 0]
            #expect(survivor.count >= 5 && survivor.count <= 8, "\(survivor)")
            let kept = survivor.count > 5 ? survivor.count : (survivor.firstIndex(of: 0) ?? 5)
            #expect(Array(survivor.prefix(kept)) == Array(written.prefix(kept)), "\(survivor)")
            #expect(survivor.dropFirst(kept).allSatisfy { $0 == 0 }, "\(survivor)")
            survivors.insert(survivor)
        }
        #expect(survivors.count > 3, "the torn outcome should vary with the seed")
    }

    @Test func truncateIsDurableAtOnce() throws {
        let disk = MemoryFileSystem(files: ["/disk/j": [1, 2, 3, 4]])
        try disk.truncate("/disk/j", to: 1)
        #expect(disk.crash().bytes(of: "/disk/j") == [1])
    }
}
