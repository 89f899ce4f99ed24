// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "diplomap",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "diplomap", targets: ["diplomap"]),
        .library(name: "DiplomapCore", targets: ["DiplomapCore"]),
        .library(name: "DiplomapStore", targets: ["DiplomapStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.25.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // Model, registry, taxonomy and relation map: pure Swift, no I/O frameworks.
        .target(name: "DiplomapCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The embedded default data (countries, groups, facts) shipped as resources.
        .target(
            name: "DiplomapData",
            path: "Data",
            exclude: ["README.md", "corpus"],
            sources: ["DefaultData.swift"],
            resources: [
                .copy("countries"),
                .copy("groups"),
                .copy("facts"),
                .copy("geo"),
                .copy("lexicon"),
                .copy("model"),
                .copy("unvotes"),
                .copy("cameo"),
                .copy("plover"),
            ]
        ),
        // The curated knowledge base: YAML fact and group files, validated with file and line.
        .target(name: "DiplomapFacts", dependencies: ["DiplomapCore", "Yams"]),
        // Evidence store on SQLite through GRDB.
        .target(
            name: "DiplomapStore",
            dependencies: [
                "DiplomapCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Evidence store on PostgreSQL through postgres-nio: the store of a shared server.
        .target(
            name: "DiplomapPostgres",
            dependencies: [
                "DiplomapCore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The document mapper: relations between states from text, and its evaluation.
        .target(name: "DiplomapDocuments", dependencies: ["DiplomapCore"]),
        // zlib from the system: the gzip vote files, the gzip and zip event files, the server's compressed bodies.
        .systemLibrary(name: "SystemZlib", path: "Sources/SystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "SystemMalloc", path: "Sources/SystemMalloc"),
        // Byte-level reading of outside input, one copy for votes, events and the server: gzip and zip through zlib or
        // ISA-L, comma-separated records, tab scanning, integers and packed codes read in place; damage is a DamagedFile.
        .target(name: "DiplomapBytes", dependencies: ["DiplomapCore", "SystemZlib", "CIsal"]),
        // ISA-L's inflate, loaded at run time where the system has it: three times as fast as zlib.
        .target(name: "CIsal"),
        // UN General Assembly votes: loading, agreement, kappa, S score, ideal points, evidence.
        .target(name: "DiplomapVotes", dependencies: ["DiplomapCore", "DiplomapBytes", .product(name: "Logging", package: "swift-log")]),
        // Political event data (GDELT 1.0/2.0, ICEWS): streaming byte-level readers and dyad-month aggregates.
        .target(
            name: "DiplomapEvents",
            dependencies: ["DiplomapCore", "DiplomapData", "DiplomapBytes", .product(name: "Logging", package: "swift-log")]
        ),
        // The GDELT feed: its published file lists, and downloads that resume, retry and check each file's size and MD5.
        .target(
            name: "DiplomapFeed",
            dependencies: [
                "DiplomapCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The one application service the command-line tool and the server call: the store (SQLite or PostgreSQL) brought up to
        // date with the embedded data, every import, maps on request with their cache, evidence paging, the vote data.
        .target(
            name: "DiplomapWorkspace",
            dependencies: [
                "DiplomapCore", "DiplomapData", "DiplomapFacts", "DiplomapStore", "DiplomapPostgres", "DiplomapVotes", "DiplomapDocuments",
                "DiplomapEvents", "DiplomapFeed", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The self-contained HTML report.
        .target(name: "DiplomapReport", dependencies: ["DiplomapCore"]),
        // The web app's pages as HTML strings, its static files and the site search: no HTTP server in it.
        .target(
            name: "DiplomapWeb",
            dependencies: ["DiplomapCore", "DiplomapWorkspace", "DiplomapReport", "DiplomapVotes", .product(name: "Logging", package: "swift-log")]
        ),
        // Exports of the map: CSV, JSON, GraphML, GEXF, GeoJSON.
        .target(name: "DiplomapExport", dependencies: ["DiplomapCore"]),
        // The web server: the JSON API and the pages over the workspace, on Hummingbird.
        .target(
            name: "DiplomapServer",
            dependencies: [
                "DiplomapCore",
                "DiplomapWeb",
                "DiplomapData",
                "DiplomapDocuments",
                "DiplomapExport",
                "DiplomapFacts",
                "DiplomapStore",
                "DiplomapVotes",
                "DiplomapWorkspace",
                "DiplomapEvents",
                "DiplomapFeed",
                "DiplomapBytes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("openapi.json")]
        ),
        // The subcommands of the command-line tool.
        .target(
            name: "DiplomapCLI",
            dependencies: [
                "DiplomapCore",
                "DiplomapData",
                "DiplomapFacts",
                "DiplomapStore",
                "DiplomapReport",
                "DiplomapExport",
                "DiplomapDocuments",
                "DiplomapVotes",
                "DiplomapEvents",
                "DiplomapFeed",
                "DiplomapWorkspace",
                "DiplomapServer",
                .target(name: "SystemMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "diplomap",
            dependencies: ["DiplomapCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzz targets for every parser of outside input, one program chosen by name: built and run by Fuzz/run.
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .executableTarget(
            name: "diplomap-fuzz",
            dependencies: [
                "FuzzDriver", "DiplomapBytes", "DiplomapCore", "DiplomapData", "DiplomapDocuments", "DiplomapEvents", "DiplomapFacts", "DiplomapServer",
                "DiplomapVotes", "DiplomapWeb", "DiplomapWorkspace",
            ],
            path: "Fuzz/Targets"
        ),

        .testTarget(name: "DiplomapCoreTests", dependencies: ["DiplomapCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DiplomapBytesTests", dependencies: ["DiplomapBytes", "DiplomapCore"]),
        .testTarget(name: "DiplomapDataTests", dependencies: ["DiplomapData", "DiplomapFacts", "DiplomapCore", "DiplomapStore"]),
        .testTarget(name: "DiplomapFactsTests", dependencies: ["DiplomapFacts", "DiplomapCore"], resources: [.copy("Fixtures")]),
        // What several test targets share: the stores they run on (SQLite, and PostgreSQL when a server is given), a
        // thread of its own for blocking work, and temporary folders removed after their test or run.
        .target(
            name: "DiplomapTestSupport",
            dependencies: ["DiplomapCore", "DiplomapStore", "DiplomapPostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/DiplomapTestSupport"
        ),
        .testTarget(name: "DiplomapStoreTests", dependencies: ["DiplomapStore", "DiplomapPostgres", "DiplomapCore", "DiplomapTestSupport"]),
        .testTarget(
            name: "DiplomapWorkspaceTests",
            dependencies: ["DiplomapWorkspace", "DiplomapCore", "DiplomapDocuments", "DiplomapEvents", "DiplomapFacts", "DiplomapStore", "DiplomapTestSupport"]
        ),
        .testTarget(name: "DiplomapReportTests", dependencies: ["DiplomapReport", "DiplomapCore"]),
        .testTarget(
            name: "DiplomapWebTests",
            dependencies: [
                "DiplomapWeb", "DiplomapWorkspace", "DiplomapReport", "DiplomapCore", "DiplomapStore", "DiplomapTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DiplomapExportTests", dependencies: ["DiplomapExport", "DiplomapCore"]),
        .testTarget(
            name: "DiplomapDocumentsTests", dependencies: ["DiplomapDocuments", "DiplomapData", "DiplomapFacts", "DiplomapCore", "DiplomapTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DiplomapVotesTests", dependencies: ["DiplomapVotes", "DiplomapData", "DiplomapFacts", "DiplomapCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DiplomapEventsTests", dependencies: ["DiplomapEvents", "DiplomapCore", "DiplomapData"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DiplomapFeedTests",
            dependencies: [
                "DiplomapFeed", "DiplomapWorkspace", "DiplomapEvents", "DiplomapCore", "DiplomapServer", "DiplomapTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DiplomapCLITests",
            dependencies: [
                "DiplomapCLI", "DiplomapCore", "DiplomapWorkspace", "DiplomapTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "DiplomapServerTests",
            dependencies: [
                "DiplomapServer", "DiplomapCore", "DiplomapWorkspace", "DiplomapExport", "DiplomapTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
