/// Why a file of the proof side (leaf file, epochs, keys) cannot be read or written: one line
/// naming the file, for the operator.
public struct AuditFileError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
