/// The decoded parameters of one REST request, from its query string and form body together.
///
/// Where a parameter sits differs by client and method (spec §1.2, §2.3 table): GETs use the
/// query, python-binance sends DELETE parameters in the body, binance-connector sends POSTs with
/// everything in the query. So both sources are always read, whatever the `Content-Type` says, and
/// on a clash the query wins. Repeating a name within one source is refused (`-1101`).
///
/// The typed accessors (in the `RequestParameters+…` files) answer an empty value with `-1105`
/// ("Parameter '%s' was empty."), or with Binance's dedicated code where it has one (empty client
/// order ids); `required` reports absent and empty alike as `-1102`, whose text says "was not
/// sent, was empty/null".
public struct RequestParameters: Sendable {
    /// More parameters than any endpoint takes (cancelReplace with every option is about 30).
    public static let countMax = 64

    private var pairs: [(name: String, value: String)]

    /// Decodes both sources; either may be empty.
    public init(rawQuery: String, rawBody: String) throws(BinanceError) {
        pairs = try Self.decodedPairs(rawQuery)
        guard !rawBody.isEmpty else { return }
        let body = try Self.decodedPairs(rawBody)
        let queryCount = pairs.count
        for pair in body where !pairs[..<queryCount].contains(where: { Self.same($0.name, pair.name) }) {
            pairs.append(pair)
        }
        guard pairs.count <= Self.countMax else { throw .tooManyParameters }
    }

    /// Parameters given directly, for tests and for the WebSocket API, whose params arrive as JSON.
    public init(_ pairs: [(name: String, value: String)]) throws(BinanceError) {
        self.pairs = []
        for pair in pairs {
            guard self[pair.name] == nil else { throw .duplicateParameter(pair.name) }
            self.pairs.append(pair)
        }
    }

    /// The raw decoded value, `""` when sent empty, `nil` when absent.
    public subscript(_ name: String) -> String? {
        pairs.first { Self.same($0.name, name) }?.value
    }

    /// Every name sent, query first, in the order received.
    public var names: [String] { pairs.map(\.name) }

    public var count: Int { pairs.count }

    /// Whether `name` was sent with a non-empty value.
    public func contains(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return !value.isEmpty
    }

    /// The value of a mandatory string parameter; absent or empty is `-1102`.
    public func required(_ name: String) throws(BinanceError) -> String {
        guard let value = self[name], !value.isEmpty else { throw .mandatoryParameter(name) }
        return value
    }

    /// Names that are not in `known`, for a strict mode that answers them with `-1104`.
    public func names(notIn known: Set<String>) -> [String] {
        names.filter { !known.contains($0) }
    }

    /// The non-empty value of `name`, or `nil`: what every optional typed accessor starts from.
    /// The value of an optional parameter: nil when absent, `-1105` when sent empty.
    func nonEmpty(_ name: String) throws(BinanceError) -> String? {
        guard let value = self[name] else { return nil }
        guard !value.isEmpty else { throw .emptyParameter(name) }
        return value
    }

    private static func decodedPairs(_ text: String) throws(BinanceError) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        guard !text.isEmpty else { return result }
        result.reserveCapacity(16)
        var text = text
        var failure: BinanceError?
        text.withUTF8 { bytes in
            do throws(BinanceError) {
                try FormEncoding.forEachPair(in: bytes) { raw throws(BinanceError) in try append(raw, to: &result) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return result
    }

    private static func append(_ raw: FormEncoding.RawPair, to result: inout [(name: String, value: String)])
        throws(BinanceError) {
        guard let name = FormEncoding.decode(raw.name), !name.isEmpty else { throw .illegalCharactersInRequest }
        guard let value = FormEncoding.decode(raw.value) else { throw .illegalCharacters(parameter: name) }
        guard !result.contains(where: { same($0.name, name) }) else { throw .duplicateParameter(name) }
        guard result.count < countMax else { throw .tooManyParameters }
        result.append((name, value))
    }

    /// Name equality, the length compared first: most names differ in length, and the length of a
    /// string is at hand where comparing its text is not.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }
}
