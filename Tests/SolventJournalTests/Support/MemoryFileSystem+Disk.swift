@testable import SolventJournal

/// The disk as a test sees it: crashes, raw bytes for corruption, durable versus volatile state.
extension MemoryFileSystem {
    /// The disk after power loss: durable entries with durable contents, nothing open, no faults.
    /// With `keepingTornWrites`, each file also keeps a random prefix of the bytes written or
    /// reserved since its last sync (from the lowest offset changed), as a write cut off mid-way
    /// would leave it: never less than was synced, never a byte that was not written.
    func crash(keepingTornWrites: Bool = false) -> MemoryFileSystem {
        lock.withLock {
            var files: [String: [UInt8]] = [:]
            for (path, inode) in durableEntries {
                let file = inodes[inode]!
                var bytes = file.durable
                if keepingTornWrites && !file.poisoned && !file.emptied, let start = file.tornFrom,
                   start < file.current.count {
                    let kept = Int.random(in: 0...(file.current.count - start), using: &plan.random)
                    if start > bytes.count { bytes += repeatElement(0, count: start - bytes.count) }
                    let end = min(bytes.count, start + kept)
                    bytes.replaceSubrange(start..<end, with: file.current[start..<(start + kept)])
                }
                files[path] = bytes
            }
            let disk = MemoryFileSystem(files: files)
            disk.directories = directories
            return disk
        }
    }

    /// What a reader of `path` sees now, or nil if there is no such entry.
    func bytes(of path: String) -> [UInt8]? {
        lock.withLock { entries[path].map { inodes[$0]!.current } }
    }

    /// What of `path` would survive a crash, or nil if its entry would not.
    func durableBytes(of path: String) -> [UInt8]? {
        lock.withLock { durableEntries[path].map { inodes[$0]!.durable } }
    }

    /// Changes the bytes of `path` on the platter itself (both views), as decay or a bad disk would.
    func modifyBytes(of path: String, _ change: (inout [UInt8]) -> Void) {
        lock.withLock {
            let inode = entries[path]!
            change(&inodes[inode]!.current)
            inodes[inode]!.durable = inodes[inode]!.current
        }
    }

    /// Puts a durable file at `path`, replacing any.
    func store(_ bytes: [UInt8], at path: String) {
        lock.withLock {
            directories.insert(Self.parent(of: path))
            let inode = nextInode
            nextInode += 1
            inodes[inode] = Inode(current: bytes, durable: bytes)
            entries[path] = inode
            durableEntries[path] = inode
        }
    }

    /// Names in `directory` as operations see them, sorted.
    func names(in directory: String) -> [String] {
        ((try? list(directory)) ?? []).sorted()
    }

    /// Names in `directory` that would survive a crash, sorted.
    func durableNames(in directory: String) -> [String] {
        lock.withLock {
            durableEntries.keys.filter { Self.parent(of: $0) == directory }
                .map { String($0.dropFirst(directory.count + 1)) }.sorted()
        }
    }

    /// Every file in `directory` (name → current bytes).
    func files(in directory: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in names(in: directory) { files[name] = bytes(of: directory + "/" + name) }
        return files
    }
}
