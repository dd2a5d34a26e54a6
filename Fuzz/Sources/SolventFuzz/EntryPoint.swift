import Foundation

/// The target `SOLVENT_FUZZ_TARGET` names, read once: one library serves all five, each run
/// with its own corpus directory.
nonisolated(unsafe) private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SOLVENT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("SOLVENT_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: every input it makes comes here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
