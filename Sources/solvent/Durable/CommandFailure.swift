/// Why a CLI command cannot go on: printed as one line before a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
