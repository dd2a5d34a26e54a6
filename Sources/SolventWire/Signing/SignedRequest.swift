/// The bytes a REST request's signature covers, and the signature itself (spec §2.3).
///
/// The payload is cut out of the raw text exactly as it arrived, never rebuilt from parsed
/// parameters: clients order and encode parameters differently, and only the bytes they sent
/// match what they signed.
public struct SignedRequest {
    /// `rawQuery` (without `?`) and `rawBody` with the `signature=…` pair removed (with the `&`
    /// that joined it), concatenated with no `&` between them; and the signature value,
    /// form-decoded once with any space turned back into `+` (a raw `+` of base64 that a client
    /// did not escape arrives as a space). `nil` when no signature was sent or its value does not
    /// decode. When both parts carry one, the query's is used, as for every other parameter.
    public static func payload(rawQuery: String, rawBody: String) -> (payload: [UInt8], signature: String)? {
        let query = Array(rawQuery.utf8), body = Array(rawBody.utf8)
        if let (rest, encoded) = removingSignature(query) {
            return decoded(encoded).map { (rest + body, $0) }
        }
        if let (rest, encoded) = removingSignature(body) {
            return decoded(encoded).map { (query + rest, $0) }
        }
        return nil
    }

    private static let signatureName = Array("signature".utf8)

    /// `text` without its `signature=` segment, and that segment's raw value.
    private static func removingSignature(_ text: [UInt8]) -> (rest: [UInt8], value: ArraySlice<UInt8>)? {
        let segments = text.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
        guard let position = segments.firstIndex(where: isSignature) else { return nil }
        let value = segments[position].dropFirst(signatureName.count + 1)
        // Joining the other segments drops exactly one '&' next to the removed pair.
        var others = segments
        others.remove(at: position)
        let rest = Array(others.joined(separator: [UInt8(ascii: "&")]))
        return (rest, value)
    }

    private static func isSignature(_ segment: ArraySlice<UInt8>) -> Bool {
        segment.count > signatureName.count && segment.starts(with: signatureName)
            && segment[segment.startIndex + signatureName.count] == UInt8(ascii: "=")
    }

    private static func decoded(_ value: ArraySlice<UInt8>) -> String? {
        FormEncoding.decode(value).map { text in String(text.map { $0 == " " ? "+" : $0 }) }
    }
}
