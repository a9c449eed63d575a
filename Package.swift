// swift-tools-version:6.0

import PackageDescription

let package = Package(
  name: "initdb-gen",
  products: [
    .executable(name: "initdb-gen", targets: ["InitDBGen"]),
    .executable(name: "initdb-gen-bench", targets: ["InitDBBench"]),
    .library(name: "InitDBCore", targets: ["InitDBCore"]),
  ],
  targets: [
    // The library's sources live in Sources/InitDBCore as usual; its target is rooted
    // at the package so that the top-level Templates folder, which reviewers read
    // beside the generated files, ships as its resource without a copy.
    .target(
      name: "InitDBCore",
      path: ".",
      exclude: [
        "BENCHMARKS.md", "README.md", "Sources/InitDBBench", "Sources/InitDBGen",
        "Sources/InitDBVerify", "Tests", "local", "scripts",
      ],
      sources: ["Sources/InitDBCore"],
      resources: [.copy("Templates")]
    ),
    // Runs generated init folders on real PostgreSQL servers: `initdb-gen verify`.
    .target(
      name: "InitDBVerify",
      dependencies: ["InitDBCore"],
      resources: [.copy("Resources/first-start.sh"), .copy("Resources/migration.sql")]
    ),
    .executableTarget(
      name: "InitDBGen",
      dependencies: ["InitDBCore", "InitDBVerify"]
    ),
    // Renders models of any size for scripts/benchmark.sh, as a program of its own so
    // that it stays out of initdb-gen's --help.
    .executableTarget(
      name: "InitDBBench",
      dependencies: ["InitDBCore"]
    ),
    .testTarget(
      name: "InitDBCoreTests",
      dependencies: ["InitDBCore", "InitDBVerify"],
      exclude: ["Fixtures"]
    ),
  ]
)
