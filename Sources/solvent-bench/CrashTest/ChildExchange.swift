import Foundation
import Glibc

/// One `solvent-bench pipe` process under test: commands go to its standard input from a sender
/// thread, acknowledgements are read from its standard output, and it can be killed with
/// SIGKILL at any moment. Its standard error is appended to a log file.
final class ChildExchange: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private let readyLine = DispatchSemaphore(value: 0)
    private var ready: (sequence: UInt64, hash: String)?
    private var acknowledged: UInt64 = 0
    private var outputEnded = false

    init(executable: String, arguments: [String], log: FileHandle) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = log
        try process.run()
        let reader = Thread { [self] in readOutput() }
        reader.start()
    }

    /// Waits for the `ready` line; nil if the process ended (or was killed) first.
    func waitUntilReady() -> (sequence: UInt64, hash: String)? {
        readyLine.wait()
        return lock.withLock { ready }
    }

    /// The highest sequence acknowledged so far: everything up to it was reported durable.
    var acknowledgedThrough: UInt64 { lock.withLock { acknowledged } }

    /// Writes `commands` (hex lines) to the child's input; false once the child is gone.
    func send(_ lines: String) -> Bool {
        var bytes = Array(lines.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(input.fileHandleForWriting.fileDescriptor, buffer.baseAddress! + offset,
                                  buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        finish()
    }

    /// Closes the input (the child drains, snapshots and exits) and returns its exit status.
    func closeInputAndWait() -> Int32 {
        try? input.fileHandleForWriting.close()
        finish()
        return process.terminationStatus
    }

    /// Waits for the process to end and for its last acknowledgements to be read.
    private func finish() {
        process.waitUntilExit()
        while !lock.withLock({ outputEnded }) { usleep(1_000) }
        try? input.fileHandleForWriting.close()
    }

    private func readOutput() {
        let descriptor = output.fileHandleForReading.fileDescriptor
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending += buffer[..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                handle(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        lock.withLock { outputEnded = true }
        readyLine.signal()
    }

    private func handle(_ line: String) {
        let fields = line.split(separator: " ")
        if fields.count == 3, fields[0] == "ready", let sequence = UInt64(fields[1]) {
            lock.withLock { ready = (sequence, String(fields[2])) }
            readyLine.signal()
        } else if fields.count == 4, fields[0] == "ack", let last = UInt64(fields[2]) {
            lock.withLock { acknowledged = max(acknowledged, last) }
        }
    }
}
