// solvent-verify: checks your proof of liabilities against the exchange's signed epoch header.
// All the checking is in SolventProof (ProofVerifier, VerifyCommand); this file only does I/O.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SolventProof

/// Largest input file read: proofs and headers are a few kilobytes.
let fileSizeMax = 1 << 20

/// The file's bytes, or nil when it cannot be opened or is larger than `fileSizeMax`.
func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        bytes.append(contentsOf: chunk[0..<count])
        guard bytes.count <= fileSizeMax else { return nil }
        if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
    }
}

/// Writes `text` whole to a file descriptor (stdout or stderr).
func emit(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}

let (code, output) = VerifyCommand.run(Array(CommandLine.arguments.dropFirst()), readFile: readFile)
emit(output, to: code == .usage || code == .invalid ? STDERR_FILENO : STDOUT_FILENO)
exit(code.rawValue)
