package dev.funnelstream.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Airflow DAG in deploy/airflow at least compiles, where a Python is present. */
class AirflowDagTest {
    private static final Path DAG = Path.of("deploy/airflow/funnelstream_dag.py");

    @Test
    void theDagCompiles(@TempDir Path tmp) throws Exception {
        assumeTrue(pythonPresent(), "python3 is not installed here");
        Process p = new ProcessBuilder("python3", "-c",
                "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
                DAG.toString(), tmp.resolve("dag.pyc").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.size(tmp.resolve("dag.pyc"))).isPositive();
    }

    private static boolean pythonPresent() {
        try {
            Process p = new ProcessBuilder("python3", "--version").start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
