package dev.funnelstream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Options that would be silently ignored are refused before anything starts. */
class RunOptionsIT {
    @TempDir
    Path tmp;

    @Test
    void syntheticShopOptionsWithAnInputAreRefused() {
        for (String[] option : new String[][] {{"--events", "100"}, {"--months", "2019-11"}, {"--seed", "7"}}) {
            Cli.Result r = Cli.run("run", "--input", TestFiles.realSample().toString(), option[0], option[1],
                    "--until-drained", "--data-dir", tmp.resolve("data").toString(), "--port", "0");

            CliErrorsIT.assertOneLineError(r, option[0] + " shapes the synthetic shop");
            assertThat(r.exitCode()).isEqualTo(2);
        }
        // Refused before anything started.
        assertThat(tmp.resolve("data").resolve("kafka")).doesNotExist();
    }
}
