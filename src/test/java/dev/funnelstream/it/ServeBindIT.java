package dev.funnelstream.it;

import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static dev.funnelstream.it.CliErrorsIT.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} where it cannot listen: the reason in one line, not Javalin's "port in use" for everything. */
class ServeBindIT {
    @TempDir
    Path tmp;

    private Path dataDir;

    @BeforeEach
    void anEmptyWarehouse() throws Exception {
        dataDir = tmp.resolve("data");
        try (DuckDbWarehouse ignored = TestWarehouse.open(java.nio.file.Files.createDirectories(dataDir))) {
            // migrated and closed: serve opens it
        }
    }

    @Test
    void aHostThatIsNotThisMachines() {
        // TEST-NET-1: never an address of this machine, and no name to look up.
        Cli.Result r = Cli.run("serve", "--data-dir", dataDir.toString(), "--host", "192.0.2.1", "--token", "s3cret",
                "--port", "0");

        assertOneLineError(r, "cannot listen on 192.0.2.1");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void aBusyPortIsOneLineWithNothingLoggedBeforeIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             AppProcess serve = AppProcess.start(tmp, "serve", "serve", "--data-dir", dataDir.toString(),
                     "--port", String.valueOf(busy.getLocalPort()))) {
            assertThat(serve.waitFor(60)).isEqualTo(2);
            assertThat(serve.err().lines().filter(l -> !l.isBlank()).toList()).as(serve.err())
                    .singleElement().asString().startsWith("funnelstream: port ").contains("is in use");
        }
    }
}
