// swift-tools-version:6.1
import PackageDescription

// Solvent's micro benchmarks, a package of their own (as swift-nio keeps them) so the main build
// stays light. Run from this directory: `swift package benchmark`; check for regressions against
// the committed p90 figures with `swift package benchmark thresholds check`, and refresh them after
// a deliberate change with `swift package --allow-writing-to-package-directory benchmark thresholds update`.
let package = Package(
    name: "SolventBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Solvent", path: ".."),
        // The malloc interposer gives the allocation counts; ordo-one/benchmark needs it named as a trait.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "SolventCore", package: "Solvent"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
