package dev.funnelstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.app.DataDir;
import dev.funnelstream.report.ReportFormat;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.report.ReportTable;
import dev.funnelstream.report.StaleReportingException;
import dev.funnelstream.warehouse.DuckDbWarehouse;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where a report comes from: the running run (over HTTP, as DuckDB lets no other process open its
 * file), else the warehouse file: read-only when the reporting layer is up to date, else under the
 * data dir's lock so the transforms can bring it up to date first.
 */
final class ReportSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;

    ReportSource(Path dataDir) {
        this.dataDir = dataDir;
    }

    ReportTable fetch(ReportName name, ReportQuery query) {
        Optional<ReportTable> live;
        try {
            live = fromRunningRun(name, query);
        } catch (IOException e) {
            throw new IllegalStateException("the run sent an unreadable report: " + e.getMessage(), e);
        }
        return live.orElseGet(() -> fromWarehouseFile(name, query));
    }

    private Optional<ReportTable> fromRunningRun(ReportName name, ReportQuery query) throws IOException {
        Optional<HttpResponse<String>> answer = RunningRun.get(dataDir,
                "/api/report/" + name.slug() + queryString(query), Duration.ofMinutes(5));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 200) {
            return Optional.of(ReportFormat.fromWire(response.body()));
        }
        if (response.statusCode() == 400) {
            throw new UserException(JSON.readTree(response.body()).path("error").asText("bad request"));
        }
        throw new IllegalStateException("the run answered " + response.statusCode() + " for the report");
    }

    private static String queryString(ReportQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        // A period end is a day or, for the live reports, an instant, as ReportQuery.bound reads them.
        params.put("from", q.from() != null ? q.from() : q.fromTime());
        params.put("to", q.to() != null ? q.to() : q.toTime());
        params.put("limit", q.limit());
        params.put("category", q.category());
        params.put("brand", q.brand());
        params.put("fresh", true); // the CLI's reports are as of now, not of the last scheduled transform
        StringJoiner out = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> {
            if (v != null) {
                out.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private ReportTable fromWarehouseFile(ReportName name, ReportQuery query) {
        Path file = DataDir.warehouseFile(dataDir);
        if (!Files.isRegularFile(file)) {
            throw new UserException("no warehouse in " + dataDir + " (run './funnelstream run' first)");
        }
        try (DuckDbWarehouse wh = DuckDbWarehouse.openReadOnly(file)) {
            return new ReportService(wh, false).report(name, query);
        } catch (StaleReportingException e) {
            return rebuiltThenReported(file, name, query);
        } catch (SQLException e) {
            throw RunningRun.fileFailure(dataDir, e);
        }
    }

    /** No run holds the data dir: take its lock, bring the reporting layer up to date, report. */
    private ReportTable rebuiltThenReported(Path file, ReportName name, ReportQuery query) {
        if (!Files.isWritable(file)) {
            throw new UserException("the reporting layer in " + dataDir
                    + " is out of date and the warehouse file is read-only; make it writable or start a run");
        }
        try (DataDir lock = DataDir.acquire(dataDir); DuckDbWarehouse wh = DuckDbWarehouse.open(file)) {
            return new ReportService(wh, true).report(name, query);
        } catch (SQLException e) {
            throw RunningRun.fileFailure(dataDir, e);
        }
    }
}
