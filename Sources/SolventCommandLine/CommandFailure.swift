/// Why a CLI command cannot go on: printed as one line before a non-zero exit.
package struct CommandFailure: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
