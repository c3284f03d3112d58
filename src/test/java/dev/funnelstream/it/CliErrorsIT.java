package dev.funnelstream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each mistake a user can make gets one clear line on stderr and a non-zero exit, no stack trace. */
class CliErrorsIT {
    @TempDir
    Path tmp;

    @Test
    void unknownFlag() {
        assertOneLineError(Cli.run("run", "--sped", "max"), "--sped");
    }

    @Test
    void missingInputPath() {
        assertOneLineError(run("--input", tmp.resolve("nope.csv").toString()), "input not found");
    }

    @Test
    void emptyDirectory() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertOneLineError(run("--input", empty.toString()), "no .csv or .csv.gz files");
    }

    @Test
    void fileThatIsNotCsv() throws Exception {
        Path png = tmp.resolve("picture.csv");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertOneLineError(run("--input", png.toString()), "picture.csv");
    }

    @Test
    void badSpeed() {
        assertOneLineError(run("--input", TestFiles.realSample().toString(), "--speed", "fast"), "speed");
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertOneLineError(Cli.run("run", "--input", TestFiles.realSample().toString(), "--until-drained",
                    "--data-dir", tmp.resolve("data").toString(), "--port", String.valueOf(busy.getLocalPort())),
                    "in use");
        }
        // Found before anything else started: no broker was started only to be stopped again.
        assertThat(tmp.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    void dataDirThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertOneLineError(Cli.run("run", "--input", TestFiles.realSample().toString(), "--until-drained",
                "--data-dir", file.resolve("data").toString(), "--port", "0"), "data dir");
    }

    @Test
    void statusWithoutAWarehouse() {
        assertOneLineError(Cli.run("status", "--data-dir", tmp.resolve("none").toString()), "no warehouse");
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = tmp.resolve("data").toString();
        all[args.length + 3] = "--port";
        all[args.length + 4] = "0";
        all[args.length + 5] = "--until-drained";
        return Cli.run(all);
    }

    static void assertOneLineError(Cli.Result r, String mentions) {
        assertThat(r.exitCode()).as(r.err()).isNotZero();
        String first = r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        assertThat(first).startsWith("funnelstream: ").contains(mentions);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
