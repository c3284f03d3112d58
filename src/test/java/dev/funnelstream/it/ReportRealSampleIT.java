package dev.funnelstream.it;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.stream.FileInput;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.Speed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports on the real REES46 sample: asked over HTTP while the run holds the warehouse, then
 * from the file once it has stopped, with the figures the original project published.
 */
class ReportRealSampleIT {
    private static final String FUNNEL = """
            step,sessions,conversion_from_previous,conversion_from_start
            view,1906,1.0000,1.0000
            cart,35,0.0184,0.0184
            purchase,11,0.3143,0.0058
            """;
    private static final String TOP_CATEGORIES = """
            category,revenue
            electronics.smartphone,11921.90
            unknown,1067.46
            electronics.audio.headphone,761.31
            """;

    @Test
    void reportsGiveTheSampleFiguresDuringAndAfterTheRun(@TempDir Path dataDir) throws Exception {
        Path sample = TestFiles.realSample();
        ReplayInput input = new FileInput(sample);
        RunSettings settings = new RunSettings(dataDir, List.of(input), Speed.MAX, 0, null, "127.0.0.1", 0, 4,
                RunSettings.DEFAULT_TRANSACTIONAL_ID);
        try (Funnelstream app = Funnelstream.start(settings, message -> { })) {
            assertThat(app.awaitDrained()).isTrue();

            // The run holds the file: these go over HTTP.
            assertThat(csv(dataDir, "funnel")).isEqualTo(FUNNEL);
            assertThat(csv(dataDir, "revenue-by-category", "--limit", "3")).isEqualTo(TOP_CATEGORIES);
            assertThat(csv(dataDir, "daily-revenue")).isEqualTo("day,revenue\n2019-10-01,14786.59\n");
            // The sample is one day: a period around it counts the same sessions, from raw.events.
            assertThat(csv(dataDir, "funnel", "--from", "2019-10-01", "--to", "2019-10-01")).isEqualTo(FUNNEL);
            Cli.Result bad = Cli.run("report", "funnel", "--from", "2019-10-1", "--data-dir", dataDir.toString());
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err().lines()).hasSize(1);
        }

        // The run has stopped: the same figures from the file, opened read-only.
        assertThat(csv(dataDir, "funnel")).isEqualTo(FUNNEL);
        assertThat(csv(dataDir, "revenue-by-category", "--limit", "3")).isEqualTo(TOP_CATEGORIES);
        // 1,755 users, 1,906 sessions, 50 of them with a purchase.
        assertThat(csv(dataDir, "monthly")).isEqualTo(
                "month,events,users,sessions,revenue,conversion\n2019-10,5016,1755,1906,14786.59,0.0262\n");
    }

    private static String csv(Path dataDir, String... args) {
        List<String> full = new ArrayList<>(List.of("report"));
        full.addAll(List.of(args));
        full.addAll(List.of("--format", "csv", "--data-dir", dataDir.toString()));
        Cli.Result r = Cli.run(full.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }
}
