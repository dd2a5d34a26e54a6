// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Solvent's parsers and decoders, a package of their own (as Benchmarks/)
// because they are built with `-sanitize=fuzzer` and have no `main` (libFuzzer brings it).
// `scripts/fuzz` builds and runs them; see its header for budgets.
let package = Package(
    name: "SolventFuzz",
    products: [
        // A shared library, linked by `scripts/fuzz` with libFuzzer's own `main` (SwiftPM's
        // executables bring a `main` of their own, which clashes with it).
        .library(name: "SolventFuzz", type: .dynamic, targets: ["SolventFuzz"]),
    ],
    dependencies: [
        .package(name: "Solvent", path: ".."),
    ],
    targets: [
        .target(
            name: "SolventFuzz",
            dependencies: [
                .product(name: "SolventCore", package: "Solvent"),
                .product(name: "SolventJournal", package: "Solvent"),
                .product(name: "SolventWire", package: "Solvent"),
            ]
        ),
    ]
)
