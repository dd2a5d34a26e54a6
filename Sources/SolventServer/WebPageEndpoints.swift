import Foundation
import HTTPTypes
import SolventWire

/// The web trading page: `GET /` answers `Web/index.html`, `GET /web/<name>` every other file in
/// `Web/` (the package's resources, read once at start). The page is static and talks to the same
/// public API as any other client, so serving it needs nothing but its bytes and their type.
enum WebPageEndpoints {
    static func all() -> [Endpoint] {
        guard let folder = folder() else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var endpoints: [Endpoint] = []
        for name in names {
            guard let type = contentTypes[(name as NSString).pathExtension],
                  let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { continue }
            let reply = page(Array(bytes), type: type)
            endpoints.append(Endpoint(declaration("/web/" + name)) { _ throws(BinanceError) in reply })
            if name == "index.html" {
                endpoints.append(Endpoint(declaration("/")) { _ throws(BinanceError) in reply })
            }
        }
        return endpoints
    }

    /// The page's files are declared here, one route each, rather than in `EndpointCatalog`:
    /// they are whatever `Web/` holds, public and of weight 1.
    static func declaration(_ path: String) -> EndpointDeclaration {
        EndpointDeclaration("GET", path, .none, weight: 1)
    }

    private static let contentTypes = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml",
    ]

    /// Only the page's own files and its own origin's API and streams: no inline script, no CDN.
    private static let policy = HTTPField.Name("Content-Security-Policy")!
    private static let policyValue = "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

    private static func page(_ bytes: [UInt8], type: String) -> Reply {
        var reply = Reply(bytes)
        reply.contentType = type
        reply.headers.append((policy, policyValue))
        reply.headers.append((.cacheControl, "no-cache"))
        return reply
    }

    /// The source folder when the binary runs where it was built (so an edited page shows at the
    /// next start without a rebuild), else the resource bundle SwiftPM puts beside the executable.
    /// Found by hand instead of `Bundle.module`, which stops the process when the bundle is
    /// missing; without the files the server simply has no page.
    private static func folder() -> URL? {
        var candidates = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Web")]
        if let executable = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(executable.appendingPathComponent("Solvent_SolventServer.resources/Web"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.html").path) }
    }
}
