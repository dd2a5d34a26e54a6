/// A failure of the server's own setup (files, keys, configuration): reported as one line.
public struct ServerError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
