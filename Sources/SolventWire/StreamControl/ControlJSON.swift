import Foundation

/// A JSON value as a control message holds it, keeping what the reply must echo exactly: an
/// integer stays an integer, a string a string, `null` null (spec §5.2).
public enum ControlJSON: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case array([ControlJSON])
    case object([String: ControlJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ControlJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ControlJSON].self))
        }
    }

    public static func parse(_ text: String) -> ControlJSON? {
        try? JSONDecoder().decode(ControlJSON.self, from: Data(text.utf8))
    }
}
