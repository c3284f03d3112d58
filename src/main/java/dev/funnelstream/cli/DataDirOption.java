package dev.funnelstream.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir DIR}: where the warehouse and the embedded Kafka keep their files. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory (warehouse.duckdb and warehouse.processed.duckdb, kafka/, flink/). Default: ${DEFAULT-VALUE}")
    Path dataDir;
}
