// swift-tools-version:6.1
import PackageDescription

// Solvent: a spot exchange whose users can check that their assets are there.
// Targets appear as they get content; ARCHITECTURE.md (in ../shared/design) holds the full map.
let package = Package(
    name: "Solvent",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SolventCore", targets: ["SolventCore"]),
        .library(name: "SolventJournal", targets: ["SolventJournal"]),
        .executable(name: "solvent", targets: ["solvent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The deterministic trading state machine: standard library only, no clock, no I/O.
        .target(
            name: "SolventCore",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // Durability: the journal, snapshots, recovery and the sequencer that owns the state.
        .target(
            name: "SolventJournal",
            dependencies: ["SolventCore"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "solvent",
            dependencies: [
                "SolventCore",
                "SolventJournal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share (a seedable generator); never shipped.
        .target(
            name: "SolventTestSupport",
            path: "Tests/SolventTestSupport"
        ),
        .testTarget(
            name: "SolventCoreTests",
            dependencies: ["SolventCore", "SolventTestSupport"]
        ),
        .testTarget(
            name: "SolventJournalTests",
            dependencies: ["SolventJournal", "SolventCore", "SolventTestSupport"]
        ),
    ]
)
