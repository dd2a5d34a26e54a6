import Foundation

/// Where each asset's chain RPC is, as `solvent chain` writes it into the data directory (one
/// line per asset, `SYMBOL URL`) beside its cookie, and the exchange reads it back.
public struct ChainEndpoints: Hashable, Sendable {
    public var urls: [String: String]

    public init(urls: [String: String]) { self.urls = urls }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public func write(to path: String) throws {
        let text = urls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public static func read(from path: String) throws -> ChainEndpoints {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Malformed(description: "cannot read \(path): is `solvent chain` running for this data directory?")
        }
        var urls: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[1].hasPrefix("http://") else {
                throw Malformed(description: "\(path): not `SYMBOL URL`: \(line)")
            }
            urls[String(parts[0])] = String(parts[1])
        }
        return ChainEndpoints(urls: urls)
    }

    /// Writes a cookie readable by its owner only.
    public static func writeCookie(_ cookie: String, to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: Data(cookie.utf8), attributes: [.posixPermissions: 0o600])
        guard FileManager.default.contents(atPath: path) == Data(cookie.utf8) else {
            throw Malformed(description: "cannot write the cookie \(path)")
        }
    }
}
