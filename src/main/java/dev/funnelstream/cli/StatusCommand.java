package dev.funnelstream.cli;

import dev.funnelstream.app.DataDir;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusFormat;
import dev.funnelstream.status.StatusQuery;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code status}: what went where, in numbers, from a running run or from the warehouse file. */
@Command(name = "status", description = "Show input rows, events, duplicates, quarantined rows, revenue and lag.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--format", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.csv) {
            throw new UserException("status prints --format table or json");
        }
        Optional<Status> live = fromRunningRun();
        Status status = live.isPresent() ? live.get() : fromWarehouseFile();
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().println(StatusFormat.json(status));
            spec.commandLine().getOut().flush();
        } else {
            StatusFormat.table(status, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    /** While a run holds the warehouse, DuckDB lets no other process open it: ask the run. */
    private Optional<Status> fromRunningRun() throws IOException {
        Optional<HttpResponse<String>> response = RunningRun.get(dataDir.dataDir, "/api/status", Duration.ofSeconds(10));
        if (response.isEmpty() || response.get().statusCode() != 200) {
            return Optional.empty();
        }
        return Optional.of(StatusFormat.fromJson(response.get().body()));
    }

    private Status fromWarehouseFile() {
        Path file = DataDir.warehouseFile(dataDir.dataDir);
        if (!Files.isRegularFile(file)) {
            throw new UserException("no warehouse in " + dataDir.dataDir + " (run './funnelstream run' first)");
        }
        try (DuckDbWarehouse wh = DuckDbWarehouse.openReadOnly(file); Connection c = wh.connect()) {
            return StatusQuery.read(c, null, false);
        } catch (java.sql.SQLException e) {
            throw RunningRun.fileFailure(dataDir.dataDir, e);
        }
    }
}
