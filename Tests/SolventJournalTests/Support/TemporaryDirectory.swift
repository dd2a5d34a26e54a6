import Foundation

/// A fresh directory under the system's temporary directory, removed when this goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init(_ label: String) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-\(label)-\(UUID())").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A sibling directory holding copies of the files in this one whose names pass `keep`.
    func copy(keeping keep: (String) -> Bool = { _ in true }) throws -> TemporaryDirectory {
        let copy = TemporaryDirectory("copy")
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where keep(name) {
            try FileManager.default.copyItem(atPath: path + "/" + name, toPath: copy.path + "/" + name)
        }
        return copy
    }
}
