import Foundation

/// A benchmark result that prints itself as JSON for `--json`: pretty, keys sorted, so two
/// runs diff cleanly.
protocol JSONReport: Encodable {}

extension JSONReport {
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
