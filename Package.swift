// swift-tools-version:6.1
import PackageDescription

// Solvent: a spot exchange whose users can check that their assets are there.
// ARCHITECTURE.md holds the module map; arrows below are the only imports. Linux only: the journal
// relies on fdatasync and posix_fallocate.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Solvent",
    products: [
        .library(name: "SolventCore", targets: ["SolventCore"]),
        .library(name: "SolventJournal", targets: ["SolventJournal"]),
        .library(name: "SolventWire", targets: ["SolventWire"]),
        .library(name: "SolventStore", targets: ["SolventStore"]),
        .library(name: "SolventProof", targets: ["SolventProof"]),
        .library(name: "SolventAudit", targets: ["SolventAudit"]),
        .library(name: "SolventServer", targets: ["SolventServer"]),
        .library(name: "SolventCustody", targets: ["SolventCustody"]),
        .library(name: "SolventSurveillance", targets: ["SolventSurveillance"]),
        .executable(name: "solvent", targets: ["solvent"]),
        .executable(name: "solvent-verify", targets: ["solvent-verify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // The deterministic trading state machine: standard library only, no clock, no I/O.
        .target(name: "SolventCore", swiftSettings: strict),
        // Durability: the journal, snapshots, recovery and the sequencer that owns the state.
        .target(name: "SolventJournal", dependencies: ["SolventCore"], swiftSettings: strict),
        // Proof of liabilities: the Merkle sum tree, signed epochs, the RFC 9162 log over the journal.
        .target(
            name: "SolventProof",
            dependencies: ["SolventCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // The RFC 9162 log over the journal, the epochs' files and keys, and both audits (offline
        // on a data directory, remote over the API): what an auditor runs, without the HTTP server.
        .target(
            name: "SolventAudit",
            dependencies: ["SolventCore", "SolventJournal", "SolventProof", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // The Binance wire format: parameters, decimals, JSON shapes, errors, signatures; and the
        // JSON answers of Solvent's own proof API (which is why it sees SolventProof's types).
        .target(
            name: "SolventWire",
            dependencies: [
                "SolventCore", "SolventProof",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // History (orders, trades, klines, ledger) and API keys in SQLite, behind protocols.
        .target(
            name: "SolventStore",
            dependencies: [
                "SolventCore", "SolventSurveillance", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding history rows without boxing (SQLite/BoundStatement.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // Custody: the ChainAdapter seam, the Bitcoin Core JSON-RPC adapter, the chain simulator,
        // the deposit watcher and the withdrawal broadcaster (consumers of committed batches).
        .target(
            name: "SolventCustody",
            dependencies: [
                "SolventCore", "SolventJournal", "SolventProof",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Market surveillance: pure detectors over committed commands and their events (wash
        // trades, spoofing and layering, marking the close, price moves), no clock, no threads.
        .target(name: "SolventSurveillance", dependencies: ["SolventCore"], swiftSettings: strict),
        // HTTP: the Binance REST API, the admin surface, metrics.
        .target(
            name: "SolventServer",
            dependencies: [
                "SolventCore", "SolventJournal", "SolventWire", "SolventStore", "SolventProof", "SolventAudit",
                "SolventCustody", "SolventSurveillance",
                .product(name: "Crypto", package: "swift-crypto"),
                // PBKDF2, for the web page's passwords (Users/PasswordHash.swift).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                // TLS on the public listener (HTTP/Listeners.swift, HTTP/TLSFiles.swift).
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Web")],
            swiftSettings: strict
        ),
        // What the two executables share: standard streams, one-line failures, clocks, seeded
        // random, journal options. Not a product.
        .target(
            name: "SolventCommandLine",
            dependencies: ["SolventJournal", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // What an operator runs: serve, demo, admin, epoch, audit, journal-check.
        .executableTarget(
            name: "solvent",
            dependencies: [
                "SolventCore", "SolventJournal", "SolventWire", "SolventServer", "SolventProof", "SolventAudit",
                "SolventCommandLine", "SolventCustody",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The benchmarks and the crash harness: measure the product from outside it, through
        // `package` access where they time internals. Never a product.
        .executableTarget(
            name: "solvent-bench",
            dependencies: [
                "SolventCore", "SolventJournal", "SolventWire", "SolventStore", "SolventServer", "SolventProof",
                "SolventAudit", "SolventCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                // streams' subscribers.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The standalone verifier a user or auditor runs: SolventProof alone, small enough to audit.
        .executableTarget(name: "solvent-verify", dependencies: ["SolventProof"], swiftSettings: strict),
        // What the test targets share (a seedable generator); never shipped.
        .target(name: "SolventTestSupport", dependencies: ["SolventCore"], path: "Tests/SolventTestSupport", swiftSettings: strict),
        .testTarget(name: "SolventCoreTests", dependencies: ["SolventCore", "SolventTestSupport"], swiftSettings: strict),
        .testTarget(name: "SolventJournalTests", dependencies: ["SolventJournal", "SolventCore", "SolventTestSupport"], swiftSettings: strict),
        .testTarget(name: "SolventWireTests", dependencies: ["SolventWire", "SolventCore"], swiftSettings: strict),
        .testTarget(
            name: "SolventProofTests",
            dependencies: ["SolventProof", "SolventCore", "SolventTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolventStoreTests",
            dependencies: ["SolventStore", "SolventCore", "SolventSurveillance", "SolventTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolventCustodyTests",
            dependencies: ["SolventCustody", "SolventJournal", "SolventCore", "SolventProof", "SolventTestSupport",
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolventSurveillanceTests",
            dependencies: ["SolventSurveillance", "SolventCore", "SolventTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolventServerTests",
            dependencies: [
                "SolventServer", "SolventAudit", "SolventWire", "SolventCore", "SolventJournal", "SolventTestSupport", "SolventCustody",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // An HTTPS client that trusts only the test's own certificate (TLSListenerTests).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
    ]
)
