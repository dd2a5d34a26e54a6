#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to the standard streams, safe from any thread: one write(2) per message, so
/// lines from different threads never interleave and nothing waits in a buffer when the
/// process is killed.
package enum StandardStreams {
    package static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    package static func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Prints `message` to standard error and exits with `status`: how the CLI reports a
    /// failure it cannot continue from.
    package static func fail(_ message: String, status: Int32 = 1) -> Never {
        err(message + "\n")
        exit(status)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let count = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                offset += count
            }
        }
    }
}
