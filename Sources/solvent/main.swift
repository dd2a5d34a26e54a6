import NIOCore
import NIOPosix

// For the HTTP server commands, Swift concurrency's tasks run on NIO's event loops rather than
// a separate pool: a request's handler then starts on the thread that read it, which saves two
// thread hops per request. It has to happen before any task exists, hence here, first. Only
// for these commands: their tasks are request handlers that never block, whereas other
// commands wait on threads and processes from async code, which must not hold up a loop.
if let command = CommandLine.arguments.dropFirst().first, command == "serve" {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

/// What `@main` would call. (Inside an async function the compiler picks the async `main()`;
/// at top level it would pick the synchronous one, which cannot run async subcommands.)
func runSolvent() async {
    await Solvent.main()
}

await runSolvent()
