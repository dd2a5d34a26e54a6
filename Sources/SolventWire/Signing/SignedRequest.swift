/// The bytes a REST request's signature covers, and the signature itself (spec §2.3).
///
/// The payload is cut out of the raw text exactly as it arrived, never rebuilt from parsed
/// parameters: clients order and encode parameters differently, and only the bytes they sent
/// match what they signed. Nothing is copied to find it: the payload is at most three runs of
/// the raw query and body, handed to the verifier in place (`withPayloadParts`).
public struct SignedRequest: Sendable {
    private let query: String
    private let body: String
    /// Whether the `signature=` segment is in the query (else in the body).
    private let inQuery: Bool
    /// The UTF-8 offsets of the segment and the one `&` removed with it.
    private let removed: Range<Int>
    /// The UTF-8 offsets of the raw signature value.
    private let value: Range<Int>
    /// The signature's text when its raw value needed form-decoding; `nil` when it is the raw
    /// value itself (ASCII without `%` or `+`, as every client sends hex and escaped base64).
    private let decoded: String?

    /// `rawQuery` (without `?`) and `rawBody` with the `signature=…` pair removed (with the `&`
    /// that joined it), concatenated with no `&` between them; and the signature value,
    /// form-decoded once with any space turned back into `+` (a raw `+` of base64 that a client
    /// did not escape arrives as a space). `nil` when no signature was sent or its value does not
    /// decode. When both parts carry one, the query's is used, as for every other parameter.
    public static func locate(rawQuery: String, rawBody: String) -> SignedRequest? {
        if let found = find(in: rawQuery) {
            return make(rawQuery, rawBody, inQuery: true, found)
        }
        if let found = find(in: rawBody) {
            return make(rawQuery, rawBody, inQuery: false, found)
        }
        return nil
    }

    /// `locate` as whole values: the payload concatenated, the signature as text.
    public static func payload(rawQuery: String, rawBody: String) -> (payload: [UInt8], signature: String)? {
        locate(rawQuery: rawQuery, rawBody: rawBody).map { ($0.payload, $0.signature) }
    }

    /// The signature as text (decoded).
    public var signature: String {
        if let decoded { return decoded }
        return withSignature { String(decoding: $0, as: UTF8.self) }
    }

    /// The payload as one array (what Ed25519 and RSA verification take).
    public var payload: [UInt8] {
        withPayloadParts { first, second, third in Array(first) + Array(second) + Array(third) }
    }

    /// Calls `body` with the payload's three runs, in order (any may be empty).
    public func withPayloadParts<Result>(
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let removed = removed
        return Self.withUTF8(query) { query in
            Self.withUTF8(self.body) { rest in
                let signed = inQuery ? query : rest
                let before = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: signed[..<removed.lowerBound]))
                let after = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: signed[removed.upperBound...]))
                return inQuery ? body(before, after, UnsafeRawBufferPointer(rest))
                    : body(UnsafeRawBufferPointer(query), before, after)
            }
        }
    }

    /// Calls `body` with the signature's decoded bytes.
    public func withSignature<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if var decoded {
            return decoded.withUTF8(body)
        }
        let value = value
        return Self.withUTF8(inQuery ? query : self.body) { text in body(UnsafeBufferPointer(rebasing: text[value])) }
    }

    private struct Found {
        var removed: Range<Int>
        var value: Range<Int>
    }

    private static let signatureName = Array("signature=".utf8)

    /// The first `&`-separated segment of `text` that starts with `signature=`.
    private static func find(in text: String) -> Found? {
        withUTF8(text) { bytes in
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
                if isSignature(bytes[start..<end]) {
                    // One '&' goes with the segment: the one after it, else the one before.
                    let removed = end < bytes.count ? start..<(end + 1) : max(start - 1, 0)..<end
                    return Found(removed: removed, value: (start + signatureName.count)..<end)
                }
                start = end + 1
            }
            return nil
        }
    }

    private static func isSignature(_ segment: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        segment.count >= signatureName.count && segment.starts(with: signatureName)
    }

    private static func make(_ query: String, _ body: String, inQuery: Bool, _ found: Found) -> SignedRequest? {
        let needsDecoding = withUTF8(inQuery ? query : body) { text in
            text[found.value].contains { $0 >= 0x80 || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }
        }
        var decoded: String?
        if needsDecoding {
            let raw = withUTF8(inQuery ? query : body) { Array($0[found.value]) }
            guard let text = FormEncoding.decode(raw) else { return nil }
            decoded = String(text.map { $0 == " " ? "+" : $0 })
        }
        return SignedRequest(query: query, body: body, inQuery: inQuery, removed: found.removed, value: found.value,
                             decoded: decoded)
    }

    private static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}
