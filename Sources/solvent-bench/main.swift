import NIOCore
import NIOPosix

// For `http`, as for `solvent serve`: Swift concurrency's tasks run on NIO's event loops, so a
// request's handler starts on the thread that read it. It has to happen before any task exists.
if CommandLine.arguments.dropFirst().first == "http" {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

/// What `@main` would call. (Inside an async function the compiler picks the async `main()`.)
func runSolventBench() async {
    await SolventBench.main()
}

await runSolventBench()
